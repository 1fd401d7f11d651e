namespace Hotline.Ledger.Warnings;

/// <summary>
/// When the warnings are asked for: <c>asOf</c> an instant, or a date meaning the end of that day in office time; now
/// when absent. Bound by <see cref="QueryBinding"/>.
/// </summary>
[BoundFromQuery]
public sealed record WarningsAt(DateTimeOffset At, DateTimeOffset Now)
{
    public static (WarningsAt? At, FieldRefusal? Fault) Parse(string? asOf, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (string.IsNullOrWhiteSpace(asOf)) return (new WarningsAt(now, now), null);
        if (DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (new WarningsAt(OfficeCalendar.EndOf(day).AddTicks(-1), now), null);
        if (DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            return (new WarningsAt(instant, now), null);
        return (null, new FieldRefusal("asOf", "warnings.asOf.format"));
    }
}
