using Hotline.Ledger.Registry.Units;

namespace Hotline.Ledger.Registry.People;

public static class RegisterPersonEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(RegisterPerson command, IDocumentSession session, TimeProvider clock)
    {
        if (PersonMoves.RefuseRegistration(command, OfficeCalendar.Today(clock)) is { } rejection) return Problems.Of(rejection);
        return await session.LoadAsync<Unit>(command.UnitId) is null
            ? Problems.Of(Rejection.Invalid("unitId", "person.unitId.unknown", command.UnitId))
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/people", OperationId = "registerPerson")]
    public static (Stored<Person, PersonView>, IStartStream) Post(RegisterPerson command, HttpContext http, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        var registered = new PersonRegistered(id, command.Name.Trim(), command.UnitId, command.EffectiveOn ?? OfficeCalendar.Today(clock), RequestActor.Of(http));
        return (Stored<Person, PersonView>.Created(id, $"/api/people/{id}"), MartenOps.StartStream<Person>(id, registered));
    }
}
