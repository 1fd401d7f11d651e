namespace Hotline.Ledger.MonthlyReports;

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
