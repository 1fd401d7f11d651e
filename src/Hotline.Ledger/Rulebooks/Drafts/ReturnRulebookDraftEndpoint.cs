using Hotline.Ledger.Approvals;

namespace Hotline.Ledger.Rulebooks.Drafts;

public static class ReturnRulebookDraftEndpoint
{
    public static ProblemDetails Validate(Guid id, RulebookDraft? draft) => DraftProblems.Refuse(id, draft, ApprovalMove.Return);

    [WolverinePost(DraftProblems.Route + "/{id}/return", OperationId = "returnRulebookDraft")]
    public static (Stored<RulebookDraft, DraftView>, Events) Post(
        ReturnDraft command, [WriteAggregate("id", Required = false)] RulebookDraft? draft, HttpContext http) =>
        (Stored<RulebookDraft, DraftView>.Updated(draft!.Id), [new RulebookDraftReturned(draft.Id, command.Comments.Trim(), RequestActor.Of(http))]);
}
