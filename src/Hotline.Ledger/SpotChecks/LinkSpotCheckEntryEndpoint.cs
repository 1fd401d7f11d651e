namespace Hotline.Ledger.SpotChecks;

public static class LinkSpotCheckEntryEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(Guid id, LinkSpotCheckEntry command, SpotCheck? check, IDocumentSession session)
    {
        if (check is null) return Problems.NotFoundProblem("spot check", id);
        if (check.EntryIds.Contains(command.EntryId)) return Problems.ConflictProblem("spotCheck.entry.linked", "entryId", command.EntryId);
        return await SpotCheckEntries.RefuseForeign(session, check.UnitId, [command.EntryId], "entryId") is { } refusal
            ? Problems.Of(refusal)
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/spot-checks/{id}/entries", OperationId = "linkSpotCheckEntry")]
    public static (UpdatedAggregate, SpotCheckEntryLinked) Post(
        LinkSpotCheckEntry command, [WriteAggregate("id", Required = false)] SpotCheck? check, HttpContext http) =>
        (new UpdatedAggregate(), new SpotCheckEntryLinked(check!.Id, command.EntryId, RequestActor.Of(http)));
}
