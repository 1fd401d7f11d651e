namespace Hotline.Ledger.Scoring.Series;

/// <summary>
/// The days of a series: <c>year</c> and <c>knownAt</c> as a scorecard reads them, <c>to</c> as its asOf (its default too),
/// <c>from</c> a date of the year (default 1 January), not after <c>to</c>. Bound by <see cref="QueryBinding"/>.
/// </summary>
[BoundFromQuery]
public sealed record SeriesQuery(ScoreQuery Query, DateOnly From)
{
    public static (SeriesQuery? Series, FieldRefusal? Fault) Parse(string? year, string? from, string? to, string? knownAt, TimeProvider clock)
    {
        static DateOnly? Date(string? text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (!string.IsNullOrWhiteSpace(to) && Date(to) is null) return (null, new("to", "query.date", "to"));
        if (!string.IsNullOrWhiteSpace(from) && Date(from) is null) return (null, new("from", "query.date", "from"));
        var (q, fault) = ScoreQuery.Parse(year ?? Date(to)?.Year.ToString(CultureInfo.InvariantCulture), null, knownAt, clock);
        if (q is null) return (null, fault);

        var last = Date(to) ?? q.AsOf;
        var first = Date(from) ?? q.YearStart;
        if (last.Year != q.Year) return (null, new("to", "series.outsideYear", "to", last, q.Year));
        if (first.Year != q.Year) return (null, new("from", "series.outsideYear", "from", first, q.Year));
        if (last < first) return (null, new("to", "query.range", "to", "from"));
        return (new SeriesQuery(q with { AsOf = last }, first), null);
    }
}
