using Hotline.Ledger.Exports;
using Hotline.Ledger.Registry;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Appeals;

public static class AppealEndpoints
{
    /// <summary>The appeals, oldest first, optionally of one unit, year or status.</summary>
    [WolverineGet("/api/appeals", OperationId = "listAppeals")]
    public static async Task<JsonOrFile<IReadOnlyList<AppealView>>> List(IQuerySession session, HttpContext http, Guid? unitId, YearFilter year, string? status, string? format)
    {
        var (export, unknown) = Hotline.Ledger.Exports.TableExport.Asked(http.Request, format);
        if (unknown is not null) return JsonOrFile<IReadOnlyList<AppealView>>.Refused(unknown);
        var query = session.Query<Appeal>().AsQueryable();
        if (unitId is { } u) query = query.Where(a => a.UnitId == u);
        if (year.Year is { } y) query = query.Where(a => a.Year == y);

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Appeal.StatusNamed(status) is not { } named)
                return JsonOrFile<IReadOnlyList<AppealView>>.Refused(Problems.InvalidProblem("status", "appeal.status.unknown", StatusWord.All<AppealStatus>()));
            query = query.Where(a => a.Status == named);
        }

        var appeals = await query.OrderBy(a => a.FiledAt).ToListAsync();
        // A liaison is listed their own unit's appeals only.
        appeals = await LiaisonScope.Filter(http, session, appeals, a => a.UnitId, _ => null);
        if (export is { } chosen)
        {
            var ids = appeals.Select(a => a.UnitId).Distinct().ToArray();
            var units = ids.Length == 0 ? [] : (await session.LoadManyAsync<Hotline.Ledger.Registry.Units.Unit>(http.RequestAborted, ids)).ToDictionary(u => u.Id, u => u.Name);
            return JsonOrFile<IReadOnlyList<AppealView>>.File(Hotline.Ledger.Exports.TableExport.File(http.Request, chosen, "appeals", "申诉", AppealView.Columns,
                appeals.Select(a => (AppealView.Of(a), units.GetValueOrDefault(a.UnitId)))));
        }

        return JsonOrFile<IReadOnlyList<AppealView>>.Json(appeals.Select(AppealView.Of).ToList());
    }
}
