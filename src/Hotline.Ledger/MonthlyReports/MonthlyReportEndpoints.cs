using Hotline.Ledger.Exports;
using Hotline.Ledger.Http;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.MonthlyReports;

public static class MonthlyReportEndpoints
{
    [WolverinePost("/api/units/{id}/monthly-reports", OperationId = "submitMonthlyReport")]
    public static async Task<IResult> Submit(Guid id, SubmitMonthlyReport command, IDocumentSession session, RulebookCatalog rulebooks,
        TimeProvider clock, HttpContext http)
    {
        if (await session.LoadAsync<Unit>(id) is null) return Problems.NotFound("unit", id);
        ReportMonth.TryParse(command.Month, out var month);
        var now = clock.GetUtcNow();
        var today = OfficeCalendar.DateOf(now);
        if (month.FirstDay > today) return Problems.Invalid("month", "monthlyReport.month.notBegun", month.ToString(), today);

        var reportId = MonthlyReport.IdOf(id, month);
        if (await session.LoadAsync<MonthlyReport>(reportId) is { } earlier)
            return Problems.Refuse("monthlyReport.exists", "month", month.ToString(), earlier.SubmittedAt, earlier.SubmittedBy);

        // A racing twin collides on the stream id and answers 409.
        session.Events.StartStream<MonthlyReport>(reportId, new MonthlyReportSubmitted(
            reportId, id, month.ToString(), command.Summary.Trim(), RequestActor.Of(http), now, month.DueAt(rulebooks)));
        await session.SaveChangesAsync();

        var report = await session.LoadAsync<MonthlyReport>(reportId);
        return Results.Created($"/api/units/{id}/monthly-reports/{month}", MonthlyReportView.Of(report!));
    }

    /// <summary>The unit's monthly reports, oldest month first: the evidence for U4.5.</summary>
    [WolverineGet("/api/units/{id}/monthly-reports", OperationId = "listMonthlyReports")]
    public static async Task<IResult> List(Guid id, IQuerySession session, string? year, string? format, HttpContext http)
    {
        var (export, unknown) = TableExport.Asked(http.Request, format);
        if (unknown is not null) return unknown;
        if (await session.LoadAsync<Unit>(id) is null) return Problems.NotFound("unit", id);
        var reports = session.Query<MonthlyReport>().Where(r => r.UnitId == id);
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, out var y) || y is < 2000 or > 2100) return Problems.Invalid("year", "year.format");
            var prefix = $"{y:D4}-";
            reports = reports.Where(r => r.Month.StartsWith(prefix));
        }

        var list = await reports.OrderBy(r => r.Month).ToListAsync();
        if (export is { } chosen)
            return TableExport.File(http.Request, chosen, "monthly-reports", "月度工作报告", MonthlyReportView.Columns, list.Select(MonthlyReportView.Of));
        return Results.Ok(list.Select(MonthlyReportView.Of).ToList());
    }
}
