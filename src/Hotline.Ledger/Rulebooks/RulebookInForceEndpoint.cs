namespace Hotline.Ledger.Rulebooks;

public static class RulebookInForceEndpoint
{
    /// <summary>The rulebook in force on <c>on</c>, or the 400 of <c>on</c> for a day before the first.</summary>
    public static (Rulebook? Book, ProblemDetails Problem) Load(RulebookCatalog catalog, DateOnly on) =>
        catalog.InForceOn(on) is { } book ? (book, WolverineContinue.NoProblems) : (null, Problems.InvalidProblem("on", "rulebook.on.noneInForce", on));

    /// <summary>The rulebook in force on a business date.</summary>
    [WolverineGet("/api/rulebooks/in-force", OperationId = "rulebookInForce")]
    public static Rulebook InForce(Rulebook book) => book;
}
