using JasperFx.Events;

namespace Hotline.Ledger.MonthlyReports;

/// <summary>
/// A unit's monthly work report (每月通报工作情况) to the hotline office: evidence for U4.5, and what
/// stops the D3.3 deduction when it is in by its deadline. One per unit and month; never edited.
/// <see cref="SubmittedAt"/> is the ledger's clock when it arrived, which the deadline is judged by.
/// </summary>
public sealed record MonthlyReportSubmitted(
    Guid ReportId, Guid UnitId, string Month, string Summary, string SubmittedBy, DateTimeOffset SubmittedAt, DateTimeOffset DueAt);

public sealed record SubmitMonthlyReport(string Month, string Summary);

public sealed class SubmitMonthlyReportValidator : AbstractValidator<SubmitMonthlyReport>
{
    public SubmitMonthlyReportValidator()
    {
        RuleFor(x => x.Month).NotEmpty().Must(m => ReportMonth.TryParse(m, out _))
            .WithErrorCode("monthlyReport.month.format");
        RuleFor(x => x.Summary).NotEmpty().MaximumLength(20_000);
    }
}

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

public sealed record MonthlyReportView(Guid Id, Guid UnitId, string Month, string Summary, string SubmittedBy,
    DateTimeOffset SubmittedAt, DateTimeOffset DueAt, bool OnTime, DateTimeOffset RecordedAt) : IViewOf<MonthlyReport, MonthlyReportView>
{
    static MonthlyReportView IViewOf<MonthlyReport, MonthlyReportView>.Of(MonthlyReport report, IServiceProvider services) => Of(report);

    public static MonthlyReportView Of(MonthlyReport r) =>
        new(r.Id, r.UnitId, r.Month, r.Summary, r.SubmittedBy, r.SubmittedAt, r.DueAt, r.OnTime, r.RecordedAt);

    /// <summary>The columns of the downloaded list (ADR 0082).</summary>
    public static readonly IReadOnlyList<Hotline.Ledger.Exports.Column<MonthlyReportView>> Columns =
    [
        new("月份", r => r.Month), new("截止时间（北京时间）", r => r.DueAt), new("状态", r => r.OnTime ? "按时报送" : "逾期报送"),
        new("报送时间（北京时间）", r => r.SubmittedAt), new("报送人", r => r.SubmittedBy), new("工作小结", r => r.Summary),
    ];
}
