namespace Hotline.Ledger.Rulebooks.Drafts;

public static class GetRulebookDraftEndpoint
{
    public static ProblemDetails Validate(RulebookDraft? draft, Guid id) =>
        draft is { IsGone: false } ? WolverineContinue.NoProblems : Problems.NotFoundProblem("rulebook draft", id);

    [WolverineGet(DraftProblems.Route + "/{id}", OperationId = "getRulebookDraft")]
    public static DraftView Get([Entity("id", Required = false)] RulebookDraft? draft, RulebookCatalog catalog) => DraftView.Of(draft!, catalog);
}
