namespace Hotline.Ledger.Time;

/// <summary>
/// The office's calendar: business dates are dates in Asia/Shanghai, recorded times are UTC instants.
/// </summary>
public static class OfficeCalendar
{
    // China has kept UTC+8 without daylight saving since 1991; the fixed zone is a safe fallback
    // on a machine without tzdata.
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The first instant (UTC) of the business date's following day: everything before it happened on or before the date.</summary>
    public static DateTimeOffset EndOf(DateOnly date)
    {
        var nextMidnightLocal = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var offset = Zone.GetUtcOffset(nextMidnightLocal);
        return new DateTimeOffset(nextMidnightLocal, offset).ToUniversalTime();
    }

    public static DateOnly FirstDayOf(int year) => new(year, 1, 1);

    public static DateOnly LastDayOf(int year) => new(year, 12, 31);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "CST");
        }
    }
}
