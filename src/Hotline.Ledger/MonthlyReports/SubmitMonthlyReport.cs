namespace Hotline.Ledger.MonthlyReports;

public sealed record SubmitMonthlyReport(string Month, string Summary);
