namespace Hotline.Ledger.MonthlyReports;

/// <summary>The report as submitted: an inline snapshot of its stream.</summary>
public sealed class MonthlyReport
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public string Month { get; set; } = "";
    public string Summary { get; set; } = "";
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>In before <see cref="DueAt"/>, the first instant after the due day (office time).</summary>
    public bool OnTime => SubmittedAt < DueAt;

    /// <summary>One stream per unit and month: a second report for the month collides with the first.</summary>
    public static Guid IdOf(Guid unitId, ReportMonth month) => DeterministicId.From("monthly-report", unitId.ToString("N"), month.ToString());

    public static MonthlyReport Create(IEvent<MonthlyReportSubmitted> e) => new()
    {
        Id = e.Data.ReportId,
        UnitId = e.Data.UnitId,
        Month = e.Data.Month,
        Summary = e.Data.Summary,
        SubmittedBy = e.Data.SubmittedBy,
        SubmittedAt = e.Data.SubmittedAt,
        DueAt = e.Data.DueAt,
        RecordedAt = e.Timestamp,
    };
}
