using Hotline.Ledger.Registry;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Appeals;

public static class AppealEndpoints
{
    /// <summary>The appeals, oldest first, optionally of one unit, year or status.</summary>
    [WolverineGet("/api/appeals", OperationId = "listAppeals")]
    public static async Task<IResult> List(IQuerySession session, HttpContext http, Guid? unitId, string? year, string? status, string? format)
    {
        var (export, unknown) = Hotline.Ledger.Exports.TableExport.Asked(http.Request, format);
        if (unknown is not null) return unknown;
        var query = session.Query<Appeal>().AsQueryable();
        if (unitId is { } u) query = query.Where(a => a.UnitId == u);
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, out var y) || y is < 2000 or > 2100) return Problems.Invalid("year", "year.format");
            query = query.Where(a => a.Year == y);
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (status is not (Appeal.Pending or Appeal.Upheld or Appeal.Rejected))
                return Problems.Invalid("status", "appeal.status.unknown");
            query = query.Where(a => a.Status == status);
        }

        var appeals = await query.OrderBy(a => a.FiledAt).ToListAsync();
        // A liaison is listed their own unit's appeals only.
        appeals = await LiaisonScope.Filter(http, session, appeals, a => a.UnitId, _ => null);
        if (export is { } chosen)
        {
            var ids = appeals.Select(a => a.UnitId).Distinct().ToArray();
            var units = ids.Length == 0 ? [] : (await session.LoadManyAsync<Hotline.Ledger.Registry.Units.Unit>(http.RequestAborted, ids)).ToDictionary(u => u.Id, u => u.Name);
            return Hotline.Ledger.Exports.TableExport.File(http.Request, chosen, "appeals", "申诉", AppealView.Columns,
                appeals.Select(a => (AppealView.Of(a), units.GetValueOrDefault(a.UnitId))));
        }

        return Results.Ok(appeals.Select(AppealView.Of).ToList());
    }
}
