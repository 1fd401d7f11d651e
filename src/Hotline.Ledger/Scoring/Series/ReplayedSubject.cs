using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;

namespace Hotline.Ledger.Scoring.Series;

/// <summary>The subject a series or changes read replays, found, or the 404 the endpoint answers (so its read is not put on file).</summary>
internal static class ReplayedSubject
{
    public static async Task<(ScoreSubject? Subject, Unit? Unit, IResult? Fault)> Unit(IQuerySession session, HttpContext http, Guid id) =>
        await session.LoadAsync<Unit>(id, http.RequestAborted) is { } unit
            ? (new ScoreSubject("unit", unit.Id, unit.Name, unit.Code), unit, null)
            : (null, null, Problems.NotFound("unit", id));

    public static async Task<(ScoreSubject? Subject, Person? Person, IResult? Fault)> Person(IQuerySession session, HttpContext http, Guid id) =>
        await session.LoadAsync<Person>(id, http.RequestAborted) is { } person
            ? (new ScoreSubject("person", person.Id, person.Name, null), person, null)
            : (null, null, Problems.NotFound("person", id));
}
