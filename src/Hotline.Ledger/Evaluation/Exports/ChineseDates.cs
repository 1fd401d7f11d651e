namespace Hotline.Ledger.Evaluation.Exports;

/// <summary>Dates as an office publishes them: 2020年7月5日, in the office's calendar.</summary>
public static class ChineseDates
{
    public static string Of(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>An instant as the office's local date and time: 2020年7月5日 08:00.</summary>
    public static string Of(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, OfficeCalendar.Zone);
        return $"{Of(DateOnly.FromDateTime(local.DateTime))} {local:HH\\:mm}";
    }
}
