using Hotline.Ledger.Exports;
using Hotline.Ledger.Security;
using Marten.Linq.MatchesSql;

namespace Hotline.Ledger.Registry.Units;

/// <summary>The list of units, which also downloads as a table.</summary>
public static class UnitEndpoints
{
    /// <summary>
    /// The units by code; <c>q</c> finds a code or name containing it (any case). With <c>q</c>, <c>limit</c> or
    /// <c>after</c> the answer is a page <c>{items, next}</c>; without any, the bare array of them all (ADR 0068).
    /// <c>?format=csv|xlsx</c> downloads every unit found (ADR 0082).
    /// </summary>
    [WolverineGet("/api/units", OperationId = "listUnits")]
    public static async Task<JsonOrFile<IReadOnlyList<UnitView>>> List(IQuerySession session, HttpContext http, string? q, string? limit, string? after, string? format)
    {
        var (export, unknown) = TableExport.Asked(http.Request, format);
        if (unknown is not null) return JsonOrFile<IReadOnlyList<UnitView>>.Refused(unknown);
        var query = session.Query<Unit>().AsQueryable();
        // A liaison is listed their own unit only.
        var scope = await LiaisonScope.Of(http, session);
        if (scope.Confined)
        {
            var own = scope.UnitId ?? Guid.Empty;
            query = query.Where(u => u.Id == own);
        }

        if (export is { } chosen)
        {
            if (Search.Pattern(q) is { } found)
                query = query.Where(u => u.MatchesSql("(d.data ->> 'code' ilike ? or d.data ->> 'name' ilike ?)", found, found));
            var all = (await query.OrderBy(u => u.CodeKey).ToListAsync()).Select(UnitView.Of);
            return JsonOrFile<IReadOnlyList<UnitView>>.File(TableExport.File(http.Request, chosen, "units", "成员单位", UnitView.Columns, all));
        }

        if (!Paging.Asked(limit, after) && string.IsNullOrWhiteSpace(q))
            return JsonOrFile<IReadOnlyList<UnitView>>.Json((await query.OrderBy(u => u.CodeKey).ToListAsync()).Select(UnitView.Of).ToList());

        var (paging, refusal) = Paging.Parse(limit, after, 1);
        if (refusal is not null) return JsonOrFile<IReadOnlyList<UnitView>>.Refused(refusal);
        if (Search.Pattern(q) is { } pattern)
            query = query.Where(u => u.MatchesSql("(d.data ->> 'code' ilike ? or d.data ->> 'name' ilike ?)", pattern, pattern));
        if (paging!.After is { } cursor) query = query.Where(u => u.MatchesSql("d.data ->> 'codeKey' > ?", cursor[0]));
        var rows = await query.OrderBy(u => u.CodeKey).Take(paging.Limit + 1).ToListAsync();
        return JsonOrFile<IReadOnlyList<UnitView>>.Paged(paging.Take(rows, UnitView.Of, u => Paging.Cursor(u.CodeKey)));
    }
}
