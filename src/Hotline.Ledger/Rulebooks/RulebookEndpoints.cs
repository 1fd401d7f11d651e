using Hotline.Ledger.Http;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Rulebooks;

public sealed record RulebookSummary(string Id, string Title, DateOnly EffectiveFrom, int ClauseCount);

public static class RulebookEndpoints
{
    [WolverineGet("/api/rulebooks", OperationId = "listRulebooks")]
    public static IReadOnlyList<RulebookSummary> List(RulebookCatalog catalog) =>
        catalog.All.Select(r => new RulebookSummary(r.Id, r.Title, r.EffectiveFrom, r.Clauses.Count)).ToList();

    /// <summary>The rulebook in force on a business date.</summary>
    [WolverineGet("/api/rulebooks/in-force", OperationId = "rulebookInForce")]
    public static IResult InForce(RulebookCatalog catalog, DateOnly on) =>
        catalog.InForceOn(on) is { } book
            ? Results.Ok(book)
            : Problems.Invalid("on", "rulebook.on.noneInForce", on);

    [WolverineGet("/api/rulebooks/{id}", OperationId = "getRulebook")]
    public static IResult Get(string id, RulebookCatalog catalog) =>
        catalog.Get(id) is { } book ? Results.Ok(book) : Problems.NotFound("rulebook", id);
}
