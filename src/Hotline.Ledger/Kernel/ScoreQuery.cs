namespace Hotline.Ledger.Kernel;

/// <summary>
/// A point on both clocks: the assessment <see cref="Year"/>, the business date <see cref="AsOf"/>
/// (count what occurred on or before it) and the instant <see cref="KnownAt"/> (count what the ledger
/// had recorded at or before it). See ADR 0002.
/// </summary>
[BoundFromQuery]
public sealed record ScoreQuery(int Year, DateOnly AsOf, DateTimeOffset KnownAt)
{
    public DateOnly YearStart => OfficeCalendar.FirstDayOf(Year);

    /// <summary>The last business date that counts: the earlier of asOf and 31 December.</summary>
    public DateOnly LastCountedDay => AsOf < OfficeCalendar.LastDayOf(Year) ? AsOf : OfficeCalendar.LastDayOf(Year);

    public bool Counts(DateOnly occurredOn, DateTimeOffset recordedAt) =>
        occurredOn >= YearStart && occurredOn <= LastCountedDay && recordedAt <= KnownAt;

    /// <summary>
    /// Reads the query string (<c>year</c>, <c>asOf</c>, <c>knownAt</c>; an endpoint taking a <see cref="ScoreQuery"/> gets it
    /// read by <see cref="QueryBinding"/>) with the defaults of API.md: year from asOf, else this year; asOf the end
    /// of the year or today if earlier; knownAt now. An asOf outside the year is refused (ADR 0067). A knownAt later than now is taken as now, and the
    /// answer says so, because an answer about the future could change.
    /// </summary>
    public static (ScoreQuery? Query, FieldRefusal? Fault) Parse(string? year, string? asOf, string? knownAt, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var today = OfficeCalendar.DateOf(now);

        var (y, badYear) = AssessmentYear.Read(year);
        if (badYear is not null) return (null, badYear);

        DateOnly? a = null;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                return (null, new("asOf", "query.date", "asOf"));
            a = parsed;
        }

        var k = now;
        if (!string.IsNullOrWhiteSpace(knownAt))
        {
            if (!DateTimeOffset.TryParse(knownAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                return (null, new("knownAt", "query.instant", "knownAt"));
            k = parsed < now ? parsed : now;
        }

        var resolvedYear = y ?? a?.Year ?? today.Year;
        var endOfYear = OfficeCalendar.LastDayOf(resolvedYear);
        var resolvedAsOf = a ?? (today < endOfYear ? today : endOfYear);
        if (a is { } given && AssessmentYear.AsOfOutside(resolvedYear, given) is not null)
            return (null, new("asOf", AssessmentYear.Code, given, resolvedYear));

        return (new ScoreQuery(resolvedYear, resolvedAsOf, k.ToUniversalTime()), null);
    }
}
