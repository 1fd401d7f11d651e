using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.SelfChecks;

public static class SelfAssessmentEndpoints
{
    public static ProblemDetails Validate(Unit? unit, Guid id) =>
        unit is null ? Problems.NotFoundProblem("unit", id) : WolverineContinue.NoProblems;

    /// <summary>The office's figures beside the unit's are a score replay, put on file against the unit.</summary>
    [WolverineGet("/api/units/{id}/self-assessment", OperationId = "unitSelfAssessment")]
    [AuditedRead(ReadKind.ScoreReplay, ReadSubject.RouteUnit)]
    public static async Task<SelfAssessment> Compare(
        Guid id, ScoreQuery query, [Entity("id", Required = false)] Unit? unit, IQuerySession session, RulebookCatalog rulebooks)
    {
        var card = await SubjectCards.Read(session, rulebooks.ForScoring(query.Year, query.AsOf)!, SubjectKind.Unit,
            new ScoreSubject("unit", unit!.Id, unit.Name, unit.Code), query);

        // The latest month up to asOf whose self-check the ledger had by knownAt; its latest version then.
        var lastMonth = SelfCheckMonths.Of(query.LastCountedDay);
        var checks = await session.Query<SelfCheck>().Where(c => c.UnitId == id && c.Year == query.Year).ToListAsync();
        var latest = checks
            .Where(c => string.CompareOrdinal(c.Month, lastMonth) <= 0)
            .Select(c => (c.Month, Version: c.Versions.LastOrDefault(v => v.SubmittedAt <= query.KnownAt)))
            .Where(x => x.Version is not null)
            .OrderBy(x => x.Month, StringComparer.Ordinal)
            .LastOrDefault();

        var items = latest.Version?.Items.ToDictionary(i => i.Clause) ?? [];
        var rows = card.Criteria.Select(c =>
        {
            var self = items.GetValueOrDefault(c.Clause);
            return new SelfAssessedCriterion(c.Clause, c.MaxPoints, c.Points, self?.Points,
                self is not null && c.Points is not null ? self.Points - c.Points : null, self?.Note);
        }).ToList();

        return new SelfAssessment(id, query.Year, query.AsOf, query.KnownAt, latest.Month, card.CriteriaTotal,
            latest.Version is null ? null : rows.Sum(r => r.SelfPoints ?? 0m), rows);
    }
}
