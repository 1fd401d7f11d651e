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
        instant.UtcDateTime >= SteadyFrom
            ? DateOnly.FromDateTime(instant.UtcDateTime + Zone.BaseUtcOffset)
            : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    // After the zone's last daylight-saving rule (China: 1991) the offset is fixed: dates of the case feed's
    // millions of instants are then a sum, not a time-zone lookup.
    private static readonly DateTime SteadyFrom = Zone.GetAdjustmentRules() is { Length: > 0 } rules
        ? rules.Max(r => r.DateEnd) is var end && end < DateTime.MaxValue.AddDays(-3) ? end.AddDays(2) : DateTime.MaxValue
        : DateTime.MinValue;

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
