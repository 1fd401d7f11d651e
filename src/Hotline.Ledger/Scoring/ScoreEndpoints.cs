using Hotline.Ledger.Http;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Scoring;

public static class ScoreEndpoints
{
    [WolverineGet("/api/units/{id}/score", OperationId = "unitScore")]
    public static async Task<IResult> UnitScore(Guid id, IQuerySession session, RulebookCatalog rulebooks, TimeProvider clock,
        ReadAudit audit, HttpContext http, string? year, string? asOf, string? knownAt)
    {
        var (query, field, rule) = ScoreQuery.Parse(year, asOf, knownAt, clock);
        if (query is null) return Problems.Field(field!, rule!);
        var unit = await session.LoadAsync<Unit>(id);
        if (unit is null) return Problems.NotFound("unit", id);
        await audit.RecordAsync(http, ReadKind.ScoreReplay, unitId: id, cancellation: http.RequestAborted);

        return Results.Ok(await SubjectCards.Read(session, rulebooks.ForScoring(query.Year, query.AsOf)!, SubjectKind.Unit,
            new ScoreSubject("unit", unit.Id, unit.Name, unit.Code), query));
    }

    [WolverineGet("/api/people/{id}/score", OperationId = "personScore")]
    public static async Task<IResult> PersonScore(Guid id, IQuerySession session, RulebookCatalog rulebooks, TimeProvider clock,
        ReadAudit audit, HttpContext http, string? year, string? asOf, string? knownAt)
    {
        var (query, field, rule) = ScoreQuery.Parse(year, asOf, knownAt, clock);
        if (query is null) return Problems.Field(field!, rule!);
        var person = await session.LoadAsync<Person>(id);
        if (person is null) return Problems.NotFound("person", id);
        await audit.RecordAsync(http, ReadKind.ScoreReplay, personId: id, cancellation: http.RequestAborted);

        return Results.Ok(await SubjectCards.Read(session, rulebooks.ForScoring(query.Year, query.AsOf)!, SubjectKind.Person,
            new ScoreSubject("person", person.Id, person.Name, null), query));
    }

    [WolverineGet("/api/rankings", OperationId = "rankings")]
    public static async Task<IResult> Rankings(IQuerySession session, RulebookCatalog rulebooks, TimeProvider clock,
        ReadAudit audit, HttpContext http, string? year, string? asOf, string? knownAt)
    {
        var (query, field, rule) = ScoreQuery.Parse(year, asOf, knownAt, clock);
        if (query is null) return Problems.Field(field!, rule!);
        // Every unit's score is replayed: recorded without a subject.
        await audit.RecordAsync(http, ReadKind.ScoreReplay, cancellation: http.RequestAborted);
        var rulebook = rulebooks.ForScoring(query.Year, query.AsOf)!;
        return Results.Ok(await Ranking.Units(session, rulebook, query));
    }
}
