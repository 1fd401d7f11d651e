using Hotline.Ledger.Entries;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;

namespace Hotline.Ledger.Evaluation.Sheets;

/// <summary>
/// Computes a sheet from the ledger with the scoring slice's own rankings and scorecards, so that a
/// published table and GET /api/rankings can never disagree.
/// </summary>
public static class SheetBuilder
{
    public static async Task<ScoreSheet> Build(IQuerySession session, Rulebook rulebook, ScoreQuery q, bool graded)
    {
        var lastSequence = await LedgerHead.SequenceAt(session, q.KnownAt);
        var digest = await LedgerHead.DigestAt(session, lastSequence);

        var unitCards = await Ranking.UnitCards(session, rulebook, q);
        var personCards = await Ranking.PersonCards(session, rulebook, q);
        var entries = (await ScoreReader.AllEntries(session, q)).ToDictionary(e => e.Id);
        var unitsById = unitCards.ToDictionary(x => x.Unit.Id, x => x.Unit);

        var headings = rulebook.Clauses.Where(c => c.Kind == ClauseKind.Criterion && rulebook.HasChildren(c.Code)).ToList();

        var units = unitCards.Select((x, i) => new SheetUnit(
                i + 1, x.Unit.Id, x.Unit.Code, x.Unit.Name, x.Card.Total, x.Card.CriteriaTotal, x.Card.BonusTotal, x.Card.DeductionTotal,
                graded ? rulebook.GradeOf(x.Card.Total) : null,
                Subtotals(headings.Where(h => h.Credits(SubjectKind.Unit)), rulebook, x.Card),
                Scores(x.Card),
                Deductions(x.Card, entries)))
            .ToList();

        var people = personCards.Select((x, i) =>
            {
                var unitId = Ranking.UnitOf(x.Person, q);
                var unit = unitsById.GetValueOrDefault(unitId);
                return new SheetPerson(
                    i + 1, x.Person.Id, x.Person.Name, unitId, unit?.Code ?? "", unit?.Name ?? "",
                    x.Card.Total, x.Card.CriteriaTotal, x.Card.BonusTotal, x.Card.DeductionTotal,
                    graded ? rulebook.GradeOf(x.Card.Total) : null,
                    Scores(x.Card),
                    Deductions(x.Card, entries));
            })
            .ToList();

        var clauses = rulebook.Clauses
            .Where(c => c.Kind == ClauseKind.Criterion)
            .Select(c => new SheetClause(c.Code, c.Title, c.AppliesTo == AppliesTo.Unit ? "unit" : "person", c.MaxMagnitude, c.Parent, rulebook.HasChildren(c.Code), c.TitleEn))
            .ToList();

        return new ScoreSheet(q.Year, q.AsOf, q.KnownAt, lastSequence, rulebook.Id, digest, clauses, units, people);
    }

    private static List<SheetScore> Scores(Scorecard card) => card.Criteria.Select(c => new SheetScore(c.Clause, c.Points)).ToList();

    /// <summary>A heading's subtotal is the sum of its marked parts; null while none is marked.</summary>
    private static List<SheetScore> Subtotals(IEnumerable<Clause> headings, Rulebook rulebook, Scorecard card)
    {
        var points = card.Criteria.ToDictionary(c => c.Clause, c => c.Points);
        return headings.Select(h =>
            {
                var parts = rulebook.Clauses.Where(c => c.Parent == h.Code).Select(c => points.GetValueOrDefault(c.Code)).ToList();
                return new SheetScore(h.Code, parts.Any(p => p is not null) ? parts.Sum(p => p ?? 0m) : null);
            })
            .ToList();
    }

    private static List<SheetDeduction> Deductions(Scorecard card, IReadOnlyDictionary<Guid, Entry> entries) =>
        card.Entries.Where(c => c.Points < 0)
            .Select(c => entries.TryGetValue(c.Id, out var e)
                ? new SheetDeduction(e.Id, e.Clause, e.Points, e.OccurredOn, e.RecordedAt, e.Reason, e.CaseNumber, e.Month,
                    e.UnitId, e.PersonId, e.Automatic, e.AppealId)
                // Read by the ranking a moment earlier; the causes' read missed it (a commit in between).
                : new SheetDeduction(c.Id, c.Clause, c.Points, c.OccurredOn, c.RecordedAt, "", null, null, c.UnitId, c.PersonId, c.Automatic, null))
            .ToList();
}
