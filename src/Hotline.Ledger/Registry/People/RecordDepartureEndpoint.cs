namespace Hotline.Ledger.Registry.People;

public static class RecordDepartureEndpoint
{
    public static ProblemDetails Validate(Guid id, RecordDeparture command, Person? person, TimeProvider clock)
    {
        if (person is null) return Problems.NotFoundProblem("person", id);
        return PersonMoves.RefuseDeparture(person, command, OfficeCalendar.Today(clock)) is { } rejection
            ? Problems.Of(rejection)
            : WolverineContinue.NoProblems;
    }

    /// <summary>The person leaves their unit after <c>lastDay</c>: from the next day they are scored nowhere (ADR 0065).</summary>
    [WolverinePost("/api/people/{id}/departures", OperationId = "recordDeparture")]
    public static (Stored<Person, PersonView>, Events) Post(RecordDeparture command, [WriteAggregate("id", Required = false)] Person? person, HttpContext http) =>
        (Stored<Person, PersonView>.Updated(person!.Id), [PersonMoves.Depart(person, command, RequestActor.Of(http))]);
}
