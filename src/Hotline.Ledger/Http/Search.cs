namespace Hotline.Ledger.Http;

/// <summary>The <c>q</c> of a list: a substring to find in any case, as an ILIKE pattern matching it literally.</summary>
public static class Search
{
    public static string? Pattern(string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return null;
        // % and _ are wildcards of LIKE, and \ its escape: each is matched as itself.
        var literal = q.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
        return $"%{literal}%";
    }
}
