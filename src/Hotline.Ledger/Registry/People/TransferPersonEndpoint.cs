using Hotline.Ledger.Registry.Units;

namespace Hotline.Ledger.Registry.People;

public static class TransferPersonEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(Guid id, TransferPerson command, Person? person, IDocumentSession session, TimeProvider clock)
    {
        if (person is null) return Problems.NotFoundProblem("person", id);
        if (PersonMoves.RefuseTransfer(person, command, OfficeCalendar.Today(clock)) is { } rejection) return Problems.Of(rejection);
        return await session.LoadAsync<Unit>(command.ToUnitId) is null
            ? Problems.Of(Rejection.Invalid("toUnitId", "person.unitId.unknown", command.ToUnitId))
            : WolverineContinue.NoProblems;
    }

    // The stream's version read with the person is checked when Wolverine saves: a racing transfer answers 409.
    [WolverinePost("/api/people/{id}/transfers", OperationId = "transferPerson")]
    public static (Stored<Person, PersonView>, Events) Post(TransferPerson command, [WriteAggregate("id", Required = false)] Person? person, HttpContext http) =>
        (Stored<Person, PersonView>.Updated(person!.Id), [PersonMoves.Transfer(person, command, RequestActor.Of(http))]);
}
