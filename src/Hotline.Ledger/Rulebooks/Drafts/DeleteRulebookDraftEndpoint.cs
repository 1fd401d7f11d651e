using Hotline.Ledger.Approvals;

namespace Hotline.Ledger.Rulebooks.Drafts;

public static class DeleteRulebookDraftEndpoint
{
    public static ProblemDetails Validate(Guid id, RulebookDraft? draft) => DraftProblems.Refuse(id, draft, ApprovalMove.Edit);

    /// <summary>Withdraws a draft that was never adopted: 204.</summary>
    [WolverineDelete(DraftProblems.Route + "/{id}", OperationId = "deleteRulebookDraft")]
    [EmptyResponse]
    public static RulebookDraftDeleted Delete([WriteAggregate("id", Required = false)] RulebookDraft? draft, HttpContext http) =>
        new(draft!.Id, RequestActor.Of(http));
}
