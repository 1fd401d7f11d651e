using System.Text;

namespace Hotline.Ledger.Http;

/// <summary>
/// The paging of every list (entries, units, people, the evidence trail): <c>limit</c> (default 100, at most
/// 1,000) and <c>after</c>, an opaque cursor naming the last item of the previous page by the list's own order.
/// </summary>
public sealed record Paging(int Limit, IReadOnlyList<string>? After)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Whether the caller asked for pages at all: lists that answered a bare array keep it otherwise.</summary>
    public static bool Asked(string? limit, string? after) => !string.IsNullOrWhiteSpace(limit) || !string.IsNullOrWhiteSpace(after);

    /// <summary>Reads limit and after; a cursor holds <paramref name="parts"/> values. Null with the 400 to answer when either is wrong.</summary>
    public static (Paging? Paging, IResult? Refusal) Parse(string? limit, string? after, int parts)
    {
        var n = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out n) || n is < 1 or > MaxLimit))
            return (null, Problems.Invalid("limit", "list.limit.outOfRange", MaxLimit));
        if (string.IsNullOrWhiteSpace(after)) return (new Paging(n, null), null);
        return Decode(after, parts) is { } cursor
            ? (new Paging(n, cursor), null)
            : (null, BadCursor);
    }

    /// <summary>The 400 for a cursor that is not one this list gave.</summary>
    public static IResult BadCursor => Problems.Invalid("after", "list.after.invalid");

    public static string Cursor(params string[] parts) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string[]? Decode(string cursor, int parts)
    {
        try
        {
            var text = cursor.Trim().Replace('-', '+').Replace('_', '/');
            text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
            var values = Encoding.UTF8.GetString(Convert.FromBase64String(text)).Split('\u001f');
            return values.Length == parts ? values : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The page of rows read with one more than the limit: the extra one only says that another page follows.</summary>
    public Page<TOut> Take<TIn, TOut>(IReadOnlyList<TIn> rows, Func<TIn, TOut> view, Func<TIn, string> cursorOf)
    {
        var items = rows.Take(Limit).ToList();
        return new Page<TOut>(items.Select(view).ToList(), rows.Count > Limit ? cursorOf(items[^1]) : null);
    }
}
