namespace Hotline.Ledger.Scoring.Series;

/// <summary>
/// What changed between two instants: <c>year</c> and <c>asOf</c> as a scorecard reads them, <c>to</c> as its knownAt
/// (default now), <c>from</c> an instant before <c>to</c> (required). Bound by <see cref="QueryBinding"/>.
/// </summary>
[BoundFromQuery]
public sealed record ChangesQuery(ScoreQuery Query, DateTimeOffset From)
{
    public static (ChangesQuery? Changes, FieldRefusal? Fault) Parse(string? year, string? asOf, string? from, string? to, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(from)
            || !DateTimeOffset.TryParse(from, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
            return (null, new("from", "query.instant", "from"));
        var (q, fault) = ScoreQuery.Parse(year, asOf, to, clock);
        // This route names its knownAt 'to'.
        if (q is null) return (null, fault!.Field == "knownAt" ? new("to", "query.instant", "to") : fault);
        if (q.KnownAt < start) return (null, new("to", "query.range", "to", "from"));
        return (new ChangesQuery(q, start.ToUniversalTime()), null);
    }
}
