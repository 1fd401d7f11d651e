using Hotline.Ledger.Http;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;
using Hotline.Ledger.Security;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Cases.Rates;

public static class RateEndpoints
{
    [WolverineGet("/api/units/{id}/rates", OperationId = "unitRates")]
    public static async Task<IResult> UnitRates(Guid id, IQuerySession session, RulebookCatalog rulebooks, TimeProvider clock,
        ReadAudit audit, HttpContext http, string? year, string? asOf, string? knownAt)
    {
        var (query, field, rule) = ScoreQuery.Parse(year, asOf, knownAt, clock);
        if (query is null) return Problems.Field(field!, rule!);
        if (await session.LoadAsync<Unit>(id) is null) return Problems.NotFound("unit", id);
        await audit.RecordAsync(http, ReadKind.Rates, unitId: id, cancellation: http.RequestAborted);
        return Results.Ok(await RateReader.RatesOf(session, rulebooks, SubjectKind.Unit, id, query));
    }

    [WolverineGet("/api/people/{id}/rates", OperationId = "personRates")]
    public static async Task<IResult> PersonRates(Guid id, IQuerySession session, RulebookCatalog rulebooks, TimeProvider clock,
        ReadAudit audit, HttpContext http, string? year, string? asOf, string? knownAt)
    {
        var (query, field, rule) = ScoreQuery.Parse(year, asOf, knownAt, clock);
        if (query is null) return Problems.Field(field!, rule!);
        if (await session.LoadAsync<Person>(id) is null) return Problems.NotFound("person", id);
        await audit.RecordAsync(http, ReadKind.Rates, personId: id, cancellation: http.RequestAborted);
        return Results.Ok(await RateReader.RatesOf(session, rulebooks, SubjectKind.Person, id, query));
    }
}
