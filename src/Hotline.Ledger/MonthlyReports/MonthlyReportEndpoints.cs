using Hotline.Ledger.Exports;
using Hotline.Ledger.Registry.Units;

namespace Hotline.Ledger.MonthlyReports;

public static class MonthlyReportEndpoints
{
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
