using Hotline.Ledger.Exports;
using Hotline.Ledger.Http;
using Hotline.Ledger.Security;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Registry.Units;

public sealed record UnitView(Guid Id, string Code, string Name, DateTimeOffset RegisteredAt)
{
    public static UnitView Of(Unit u) => new(u.Id, u.Code, u.Name, u.RegisteredAt);

    /// <summary>The columns of the downloaded list (ADR 0082).</summary>
    public static readonly IReadOnlyList<Column<UnitView>> Columns =
    [
        new("单位代码", u => u.Code), new("单位名称", u => u.Name), new("登记时间（北京时间）", u => u.RegisteredAt), new("单位编号", u => u.Id),
    ];
}

public static class UnitEndpoints
{
    [WolverinePost("/api/units", OperationId = "registerUnit")]
    public static async Task<IResult> Register(RegisterUnit command, IDocumentSession session, HttpContext http)
    {
        var code = command.Code.Trim();
        var key = Unit.KeyOf(code);
        if (await session.Query<Unit>().AnyAsync(u => u.CodeKey == key))
            return Problems.Refuse("unit.code.duplicate", "code", code);

        var id = Guid.CreateVersion7();
        session.Events.StartStream<Unit>(id, new UnitRegistered(id, code, command.Name.Trim(), RequestActor.Of(http)));
        // A racing registration of the same code fails here on the unique index and answers 409.
        await session.SaveChangesAsync();

        var unit = await session.LoadAsync<Unit>(id);
        return Results.Created($"/api/units/{id}", UnitView.Of(unit!));
    }

    /// <summary>
    /// The units by code; <c>q</c> finds a code or name containing it (any case). With <c>q</c>, <c>limit</c> or
    /// <c>after</c> the answer is a page <c>{items, next}</c>; without any, the bare array it always was (ADR 0068).
    /// <c>?format=csv|xlsx</c> downloads every unit found (ADR 0082).
    /// </summary>
    [WolverineGet("/api/units", OperationId = "listUnits")]
    public static async Task<IResult> List(IQuerySession session, HttpContext http, string? q, string? limit, string? after, string? format)
    {
        var (export, unknown) = TableExport.Asked(http.Request, format);
        if (unknown is not null) return unknown;
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
            return TableExport.File(http.Request, chosen, "units", "成员单位", UnitView.Columns, all);
        }

        if (!Paging.Asked(limit, after) && string.IsNullOrWhiteSpace(q))
            return Results.Ok((await query.OrderBy(u => u.CodeKey).ToListAsync()).Select(UnitView.Of).ToList());

        var (paging, refusal) = Paging.Parse(limit, after, 1);
        if (refusal is not null) return refusal;
        if (Search.Pattern(q) is { } pattern)
            query = query.Where(u => u.MatchesSql("(d.data ->> 'code' ilike ? or d.data ->> 'name' ilike ?)", pattern, pattern));
        if (paging!.After is { } cursor) query = query.Where(u => u.MatchesSql("d.data ->> 'codeKey' > ?", cursor[0]));
        var rows = await query.OrderBy(u => u.CodeKey).Take(paging.Limit + 1).ToListAsync();
        return Results.Ok(paging.Take(rows, UnitView.Of, u => Paging.Cursor(u.CodeKey)));
    }

    [WolverineGet("/api/units/{id}", OperationId = "getUnit")]
    public static async Task<IResult> Get(Guid id, IQuerySession session)
    {
        var unit = await session.LoadAsync<Unit>(id);
        return unit is null ? Problems.NotFound("unit", id) : Results.Ok(UnitView.Of(unit));
    }
}
