namespace Hotline.Ledger.Rulebooks;

public static class RulebookEndpoint
{
    public static (Rulebook? Book, ProblemDetails Problem) Load(string id, RulebookCatalog catalog) =>
        catalog.Get(id) is { } book ? (book, WolverineContinue.NoProblems) : (null, Problems.NotFoundProblem("rulebook", id));

    [WolverineGet("/api/rulebooks/{id}", OperationId = "getRulebook")]
    public static Rulebook Get(Rulebook book) => book;
}
