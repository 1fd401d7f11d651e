namespace Hotline.Ledger.MonthlyReports;

/// <summary>
/// A unit's monthly work report (每月通报工作情况) to the hotline office: evidence for U4.5, and what
/// stops the D3.3 deduction when it is in by its deadline. One per unit and month; never edited.
/// <see cref="SubmittedAt"/> is the ledger's clock when it arrived, which the deadline is judged by.
/// </summary>
public sealed record MonthlyReportSubmitted(
    Guid ReportId, Guid UnitId, string Month, string Summary, string SubmittedBy, DateTimeOffset SubmittedAt, DateTimeOffset DueAt);
