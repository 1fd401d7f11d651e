using Hotline.Ledger.Http;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Security;
using Marten;
using Microsoft.AspNetCore.Http;

namespace Hotline.Ledger.Scoring.Series;

/// <summary>
/// The subject a series or changes read replays: found (or a 404), its read put on file before the answer, as
/// every replay is (ADR 0012).
/// </summary>
internal static class ReplayedSubject
{
    public static async Task<(ScoreSubject? Subject, Unit? Unit, IResult? Fault)> Unit(IQuerySession session, ReadAudit audit, HttpContext http, Guid id)
    {
        if (await session.LoadAsync<Unit>(id, http.RequestAborted) is not { } unit) return (null, null, Problems.NotFound("unit", id));
        await audit.RecordAsync(http, ReadKind.ScoreReplay, unitId: id, cancellation: http.RequestAborted);
        return (new ScoreSubject("unit", unit.Id, unit.Name, unit.Code), unit, null);
    }

    public static async Task<(ScoreSubject? Subject, Person? Person, IResult? Fault)> Person(IQuerySession session, ReadAudit audit, HttpContext http, Guid id)
    {
        if (await session.LoadAsync<Person>(id, http.RequestAborted) is not { } person) return (null, null, Problems.NotFound("person", id));
        await audit.RecordAsync(http, ReadKind.ScoreReplay, personId: id, cancellation: http.RequestAborted);
        return (new ScoreSubject("person", person.Id, person.Name, null), person, null);
    }
}
