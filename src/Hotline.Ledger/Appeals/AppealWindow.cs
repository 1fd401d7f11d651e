namespace Hotline.Ledger.Appeals;

/// <summary>
/// When an appeal may be filed (ADR 0030): within the rulebook's number of calendar days in the
/// office's calendar, counted from the day the ledger recorded what is contested; the last day
/// counts whole (until midnight Asia/Shanghai).
/// </summary>
public static class AppealWindow
{
    public static DateOnly ClosesOn(DateTimeOffset contestedRecordedAt, int days) =>
        OfficeCalendar.DateOf(contestedRecordedAt).AddDays(days);

    /// <summary>
    /// A criterion is scored for the year as a whole: its window runs until the given number of days
    /// after the later of the year's end and the day its latest mark was recorded.
    /// </summary>
    public static DateOnly ClosesOnForCriterion(int year, DateTimeOffset? latestMarkAt, int days)
    {
        var from = OfficeCalendar.LastDayOf(year);
        if (latestMarkAt is { } at && OfficeCalendar.DateOf(at) > from) from = OfficeCalendar.DateOf(at);
        return from.AddDays(days);
    }

    public static bool IsOpen(DateOnly closesOn, DateTimeOffset now) => now < OfficeCalendar.EndOf(closesOn);
}
