using Hotline.Ledger.Exports;
using Hotline.Ledger.Registry.Units;

namespace Hotline.Ledger.MonthlyReports;

public static class MonthlyReportEndpoints
{
    /// <summary>The unit's monthly reports, oldest month first: the evidence for U4.5.</summary>
    [WolverineGet("/api/units/{id}/monthly-reports", OperationId = "listMonthlyReports")]
    public static async Task<JsonOrFile<IReadOnlyList<MonthlyReportView>>> List(Guid id, IQuerySession session, YearFilter year, string? format, HttpContext http)
    {
        var (export, unknown) = TableExport.Asked(http.Request, format);
        if (unknown is not null) return JsonOrFile<IReadOnlyList<MonthlyReportView>>.Refused(unknown);
        if (await session.LoadAsync<Unit>(id) is null) return JsonOrFile<IReadOnlyList<MonthlyReportView>>.Refused(Problems.NotFoundProblem("unit", id));
        var reports = session.Query<MonthlyReport>().Where(r => r.UnitId == id);
        if (year.Year is { } y)
        {
            var prefix = $"{y:D4}-";
            reports = reports.Where(r => r.Month.StartsWith(prefix));
        }

        var list = await reports.OrderBy(r => r.Month).ToListAsync();
        if (export is { } chosen)
            return JsonOrFile<IReadOnlyList<MonthlyReportView>>.File(TableExport.File(http.Request, chosen, "monthly-reports", "月度工作报告", MonthlyReportView.Columns, list.Select(MonthlyReportView.Of)));
        return JsonOrFile<IReadOnlyList<MonthlyReportView>>.Json(list.Select(MonthlyReportView.Of).ToList());
    }
}
