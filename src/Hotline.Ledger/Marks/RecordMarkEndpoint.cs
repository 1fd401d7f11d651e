using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Marks;

public static class RecordMarkEndpoint
{
    /// <summary>Loads the subject and decides: the mark to record, or the problem to answer.</summary>
    public static async Task<(MarkRecorded?, ProblemDetails)> LoadAsync(
        RecordMark command, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock, HttpContext http)
    {
        var unit = command.UnitId is { } unitId ? await session.LoadAsync<Unit>(unitId) : null;
        var person = command.UnitId is null && command.PersonId is { } personId ? await session.LoadAsync<Person>(personId) : null;
        var (recorded, refusal) = MarkDecision.Decide(
            Guid.CreateVersion7(), command, rulebooks, OfficeCalendar.Today(clock), unit, person, RequestActor.Of(http));
        return refusal is null ? (recorded, WolverineContinue.NoProblems) : (null, Problems.Of(refusal));
    }

    [WolverinePost("/api/marks", OperationId = "recordMark")]
    public static (Stored<Mark, MarkView>, IStartStream) Post(RecordMark command, [NotBody] MarkRecorded recorded) =>
        (Stored<Mark, MarkView>.Created(recorded.MarkId, $"/api/marks/{recorded.MarkId}"), MartenOps.StartStream<Mark>(recorded.MarkId, recorded));
}
