using Hotline.Ledger.Approvals;

namespace Hotline.Ledger.Rulebooks.Drafts;

public static class SubmitRulebookDraftEndpoint
{
    public static ProblemDetails Validate(Guid id, RulebookDraft? draft, RulebookCatalog catalog, TimeProvider clock) =>
        DraftProblems.Either(DraftProblems.Refuse(id, draft, ApprovalMove.Submit),
            () => DraftProblems.Unadoptable(draft!, catalog, OfficeCalendar.Today(clock), DraftProblems.ChangeIt));

    /// <summary>The office submits the draft for adoption from its effective date, which must lie in the future.</summary>
    [WolverinePost(DraftProblems.Route + "/{id}/submit", OperationId = "submitRulebookDraft")]
    public static (Stored<RulebookDraft, DraftView>, Events) Post([WriteAggregate("id", Required = false)] RulebookDraft? draft, HttpContext http) =>
        (Stored<RulebookDraft, DraftView>.Updated(draft!.Id), [new RulebookDraftSubmitted(draft.Id, RequestActor.Of(http))]);
}
