using Hotline.Ledger.Http;
using Hotline.Ledger.Security;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Registry.Units;

public sealed record UnitView(Guid Id, string Code, string Name, DateTimeOffset RegisteredAt)
{
    public static UnitView Of(Unit u) => new(u.Id, u.Code, u.Name, u.RegisteredAt);
}

public static class UnitEndpoints
{
    [WolverinePost("/api/units", OperationId = "registerUnit")]
    public static async Task<IResult> Register(RegisterUnit command, IDocumentSession session, HttpContext http)
    {
        var code = command.Code.Trim();
        var key = Unit.KeyOf(code);
        if (await session.Query<Unit>().AnyAsync(u => u.CodeKey == key))
            return Problems.Conflict("Duplicate unit code", $"A unit with code '{code}' is already registered.", "code");

        var id = Guid.CreateVersion7();
        session.Events.StartStream<Unit>(id, new UnitRegistered(id, code, command.Name.Trim(), RequestActor.Of(http)));
        // A racing registration of the same code fails here on the unique index and answers 409.
        await session.SaveChangesAsync();

        var unit = await session.LoadAsync<Unit>(id);
        return Results.Created($"/api/units/{id}", UnitView.Of(unit!));
    }

    [WolverineGet("/api/units", OperationId = "listUnits")]
    public static async Task<IReadOnlyList<UnitView>> List(IQuerySession session, HttpContext http)
    {
        var units = await session.Query<Unit>().OrderBy(u => u.CodeKey).ToListAsync();
        // A liaison is listed their own unit only.
        var scope = await LiaisonScope.Of(http, session);
        return units.Where(u => scope.Sees(u.Id)).Select(UnitView.Of).ToList();
    }

    [WolverineGet("/api/units/{id}", OperationId = "getUnit")]
    public static async Task<IResult> Get(Guid id, IQuerySession session)
    {
        var unit = await session.LoadAsync<Unit>(id);
        return unit is null ? Problems.NotFound("unit", id) : Results.Ok(UnitView.Of(unit));
    }
}
