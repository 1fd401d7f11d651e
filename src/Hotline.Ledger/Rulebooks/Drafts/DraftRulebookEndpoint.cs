namespace Hotline.Ledger.Rulebooks.Drafts;

public static class DraftRulebookEndpoint
{
    /// <summary>The body is a whole rulebook or a copy of one, checked by the loader: read here, every fault named.</summary>
    public static async Task<(DraftBody?, ProblemDetails)> LoadAsync(RulebookCatalog catalog, TimeProvider clock, HttpContext http)
    {
        var body = await DraftBody.Read(http.Request.Body, catalog, OfficeCalendar.Today(clock), copyAllowed: true, http.RequestAborted);
        return body.Json is null ? (null, Problems.Validation(body.Faults)) : (body, WolverineContinue.NoProblems);
    }

    /// <summary>A draft from a whole rulebook, or a copy of one in the catalog (<c>{"copyOf": "xinyang-2019"}</c>).</summary>
    [WolverinePost(DraftProblems.Route, OperationId = "draftRulebook")]
    public static (Stored<RulebookDraft, DraftView>, IStartStream) Post([NotBody] DraftBody body, RulebookCatalog catalog, TimeProvider clock, HttpContext http)
    {
        var comparedTo = body.CopyOf ?? (catalog.InForceOn(OfficeCalendar.Today(clock)) ?? catalog.All[^1]).Id;
        var id = Guid.CreateVersion7();
        var drafted = new RulebookDrafted(id, body.Json!, body.CopyOf, comparedTo, RequestActor.Of(http));
        return (Stored<RulebookDraft, DraftView>.Created(id, $"{DraftProblems.Route}/{id}"), MartenOps.StartStream<RulebookDraft>(id, drafted));
    }
}
