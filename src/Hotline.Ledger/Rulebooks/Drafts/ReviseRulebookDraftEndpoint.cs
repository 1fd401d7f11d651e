using Hotline.Ledger.Approvals;

namespace Hotline.Ledger.Rulebooks.Drafts;

public static class ReviseRulebookDraftEndpoint
{
    /// <summary>The new version as the loader reads it, or the problem to answer (the draft's own refusals first).</summary>
    public static async Task<(DraftBody?, ProblemDetails)> LoadAsync(
        Guid id, RulebookDraft? draft, RulebookCatalog catalog, TimeProvider clock, HttpContext http)
    {
        var refused = DraftProblems.Refuse(id, draft, ApprovalMove.Edit);
        if (!ReferenceEquals(refused, WolverineContinue.NoProblems)) return (null, refused);
        var body = await DraftBody.Read(http.Request.Body, catalog, OfficeCalendar.Today(clock), copyAllowed: false, http.RequestAborted);
        return body.Json is null ? (null, Problems.Validation(body.Faults)) : (body, WolverineContinue.NoProblems);
    }

    /// <summary>A new version: the whole rulebook again. The same rulebook as the current version changes nothing.</summary>
    [WolverinePut(DraftProblems.Route + "/{id}", OperationId = "reviseRulebookDraft")]
    public static (Stored<RulebookDraft, DraftView>, Events) Put(
        Guid id, [WriteAggregate("id", Required = false)] RulebookDraft? draft, [NotBody] DraftBody body, HttpContext http) =>
        (Stored<RulebookDraft, DraftView>.Updated(id),
            body.Json == draft!.RulebookJson ? [] : [new RulebookDraftRevised(id, body.Json!, RequestActor.Of(http))]);
}
