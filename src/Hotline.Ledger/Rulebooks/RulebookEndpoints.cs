namespace Hotline.Ledger.Rulebooks;

public static class RulebookEndpoints
{
    [WolverineGet("/api/rulebooks", OperationId = "listRulebooks")]
    public static IReadOnlyList<RulebookSummary> List(RulebookCatalog catalog) =>
        catalog.All.Select(r => new RulebookSummary(r.Id, r.Title, r.EffectiveFrom, r.Clauses.Count)).ToList();
}
