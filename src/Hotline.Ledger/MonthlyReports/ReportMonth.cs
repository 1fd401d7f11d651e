using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.MonthlyReports;

/// <summary>A calendar month of the office ("2020-05") and the deadline of its work report (ADR 0024).</summary>
public readonly record struct ReportMonth(int Year, int Month) : IComparable<ReportMonth>
{
    public static bool TryParse(string? text, out ReportMonth month)
    {
        month = default;
        if (text is null || !DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)) return false;
        month = new ReportMonth(first.Year, first.Month);
        return true;
    }

    public static ReportMonth Of(DateOnly date) => new(date.Year, date.Month);

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public ReportMonth Next => Of(FirstDay.AddMonths(1));

    /// <summary>The end (Asia/Shanghai) of the due day of the following month, under the rulebook in force at the month's end.</summary>
    public DateTimeOffset DueAt(RulebookCatalog rulebooks)
    {
        var rules = (rulebooks.InForceOn(LastDay) ?? rulebooks.All[0]).CaseFeedOrDefault();
        var next = FirstDay.AddMonths(1);
        return OfficeCalendar.EndOf(new DateOnly(next.Year, next.Month, rules.MonthlyReportDueDay));
    }

    public int CompareTo(ReportMonth other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(ReportMonth a, ReportMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(ReportMonth a, ReportMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(ReportMonth a, ReportMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(ReportMonth a, ReportMonth b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
