using Hotline.Ledger.Registry.Units;

namespace Hotline.Ledger.SpotChecks;

public static class RecordSpotCheckEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(RecordSpotCheck command, IDocumentSession session, TimeProvider clock)
    {
        var today = OfficeCalendar.Today(clock);
        if (command.CheckedOn > today) return Problems.Of(Rejection.Invalid("checkedOn", "spotCheck.checkedOn.future", today));
        if (await session.LoadAsync<Unit>(command.UnitId) is null)
            return Problems.Of(Rejection.Invalid("unitId", "spotCheck.unitId.unknown", command.UnitId));
        return await SpotCheckEntries.RefuseForeign(session, command.UnitId, LinkedOf(command), "entryIds") is { } refusal
            ? Problems.Of(refusal)
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/spot-checks", OperationId = "recordSpotCheck")]
    public static (Stored<SpotCheck, SpotCheck>, IStartStream) Post(RecordSpotCheck command, HttpContext http)
    {
        var id = Guid.CreateVersion7();
        var recorded = new SpotCheckRecorded(id, command.UnitId, command.CheckedOn, command.Scope.Trim(), command.Findings.Trim(),
            LinkedOf(command), RequestActor.Of(http));
        return (Stored<SpotCheck, SpotCheck>.Created(id, $"/api/spot-checks/{id}"), MartenOps.StartStream<SpotCheck>(id, recorded));
    }

    private static List<Guid> LinkedOf(RecordSpotCheck command) => (command.EntryIds ?? []).Distinct().ToList();
}
