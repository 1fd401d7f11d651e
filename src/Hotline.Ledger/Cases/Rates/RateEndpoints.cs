using Hotline.Ledger.Registry;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;
using Wolverine.Attributes;

namespace Hotline.Ledger.Cases.Rates;

/// <summary>A subject's case rates at a point on both clocks; the query is bound, the subject known and the read put on file before the answer.</summary>
public static class RateEndpoints
{
    [WolverineGet("/api/units/{id}/rates", OperationId = "unitRates")]
    [Middleware(typeof(KnownUnit))]
    [AuditedRead(ReadKind.Rates, ReadSubject.RouteUnit)]
    public static Task<CaseRates> UnitRates(Guid id, ScoreQuery query, IQuerySession session, RulebookCatalog rulebooks) =>
        RateReader.RatesOf(session, rulebooks, SubjectKind.Unit, id, query);

    [WolverineGet("/api/people/{id}/rates", OperationId = "personRates")]
    [Middleware(typeof(KnownPerson))]
    [AuditedRead(ReadKind.Rates, ReadSubject.RoutePerson)]
    public static Task<CaseRates> PersonRates(Guid id, ScoreQuery query, IQuerySession session, RulebookCatalog rulebooks) =>
        RateReader.RatesOf(session, rulebooks, SubjectKind.Person, id, query);
}
