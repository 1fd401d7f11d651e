using Hotline.Ledger.Approvals;

namespace Hotline.Ledger.Rulebooks.Drafts;

public static class ApproveRulebookDraftEndpoint
{
    public static ProblemDetails Validate(Guid id, RulebookDraft? draft, RulebookCatalog catalog, TimeProvider clock) =>
        DraftProblems.Either(DraftProblems.Refuse(id, draft, ApprovalMove.Approve),
            () => DraftProblems.Unadoptable(draft!, catalog, OfficeCalendar.Today(clock), DraftProblems.ReturnIt(id)));

    /// <summary>
    /// A leader adopts the draft: from its effective date (still in the future) it is the rulebook in force;
    /// before that date nothing it scores changes. Two leaders adopting at once clash on the adopted id's and
    /// date's unique indexes when Wolverine saves, and the second answers 409.
    /// </summary>
    [WolverinePost(DraftProblems.Route + "/{id}/approve", OperationId = "approveRulebookDraft")]
    public static (Stored<RulebookDraft, DraftView>, Events) Post([WriteAggregate("id", Required = false)] RulebookDraft? draft, HttpContext http)
    {
        var revision = draft!.Rulebook();
        return (Stored<RulebookDraft, DraftView>.Updated(draft.Id),
            [new RulebookRevisionAdopted(draft.Id, revision.Id, revision.EffectiveFrom, RequestActor.Of(http))]);
    }

    /// <summary>Only once the adoption is committed does the catalog hold the revision.</summary>
    public static void AfterCommit(RulebookDraft? draft, RulebookCatalog catalog) => catalog.Adopt(draft!.Rulebook());
}
