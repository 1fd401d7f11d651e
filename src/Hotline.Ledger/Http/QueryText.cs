namespace Hotline.Ledger.Http;

/// <summary>The two kinds of time a query names, read alike everywhere: a business date and an instant.</summary>
public static class QueryText
{
    /// <summary>Absent is null; <c>yyyy-MM-dd</c> is the date; anything else is refused as <c>query.date</c>, naming <paramref name="field"/>.</summary>
    public static FieldRefusal? Date(string? text, string field, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return new FieldRefusal(field, "query.date", field);
        date = parsed;
        return null;
    }

    /// <summary>Absent is null; an ISO instant (UTC unless it says otherwise) is the instant; anything else is refused as <c>query.instant</c>.</summary>
    public static FieldRefusal? Instant(string? text, string field, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return new FieldRefusal(field, "query.instant", field);
        instant = parsed.ToUniversalTime();
        return null;
    }
}
