using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring;

/// <summary>Every unit's (or person's) scorecard at one point on both clocks, highest total first.</summary>
public static class Ranking
{
    public static async Task<IReadOnlyList<(Unit Unit, Scorecard Card)>> UnitCards(IQuerySession session, Rulebook rulebook, ScoreQuery q)
    {
        // A unit registered after knownAt did not exist then: the same query keeps the same answer.
        var units = await session.Query<Unit>().Where(u => u.RegisteredAt <= q.KnownAt).ToListAsync();
        var entries = (await ScoreReader.AllEntries(session, q)).ToLookup(e => e.UnitId);
        var marks = (await ScoreReader.AllMarks(session, SubjectKind.Unit, q)).ToLookup(m => m.SubjectId);
        var cases = await RateReader.CountsOfAll(session, SubjectKind.Unit, q);
        return units
            .Select(u => (u, Scorecards.Compute(rulebook, SubjectKind.Unit, new ScoreSubject("unit", u.Id, u.Name, u.Code), q, entries[u.Id], marks[u.Id], cases.GetValueOrDefault(u.Id))))
            .OrderByDescending(x => x.Item2.Total).ThenBy(x => x.u.CodeKey, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The ranking of every unit without loading a single entry (ADR 0042): the database sums each unit's
    /// entries; the scorecard's own code scores the criteria from the marks and the case counts; the total
    /// is bounded as a scorecard bounds it. Equal, unit by unit, to ranking the full scorecards
    /// (<see cref="UnitCards"/>) — which it falls back to when a unit criterion counts entries itself.
    /// </summary>
    public static async Task<IReadOnlyList<RankedUnit>> Units(IQuerySession session, Rulebook rulebook, ScoreQuery q)
    {
        if (CountsEntries(rulebook, SubjectKind.Unit))
            return (await UnitCards(session, rulebook, q)).Select((x, i) => new RankedUnit(i + 1, x.Unit.Id, x.Unit.Code, x.Unit.Name, x.Card.Total,
                x.Card.CriteriaTotal, x.Card.BonusTotal, x.Card.DeductionTotal)).ToList();

        // Three reads at once (ADR 0180): the counts and the entry sums each on a connection of its own, the units and
        // their marks in one round trip of the session.
        var counts = CaseCounters.SumApart(session, SubjectKind.Unit, q.Year, q.AsOf, q.KnownAt);
        var entrySums = RankingSums.EntriesByUnitApart(session, q);
        var batch = session.CreateBatchQuery();
        var unitRows = batch.Query<Unit>().Where(u => u.RegisteredAt <= q.KnownAt).ToList();
        var markRows = RankingSums.QueueMarks(batch, SubjectKind.Unit, q);
        await batch.Execute();
        var units = await unitRows;
        var marks = (await markRows).ToLookup(m => m.SubjectId);
        var sums = await entrySums;
        var cases = await counts;
        return units
            .Select(u =>
            {
                var criteria = Scorecards.Compute(rulebook, SubjectKind.Unit, new ScoreSubject("unit", u.Id, u.Name, u.Code), q, [], marks[u.Id],
                    cases.GetValueOrDefault(u.Id));
                var (bonus, deduction) = sums.TryGetValue(u.Id, out var s) ? (s.Bonus, s.Deduction) : (0m, 0m);
                return (Unit: u, criteria.CriteriaTotal, Bonus: bonus, Deduction: deduction, Total: Bounded(rulebook, criteria.CriteriaTotal + bonus + deduction));
            })
            .OrderByDescending(x => x.Total).ThenBy(x => x.Unit.CodeKey, StringComparer.Ordinal)
            .Select((x, i) => new RankedUnit(i + 1, x.Unit.Id, x.Unit.Code, x.Unit.Name, x.Total, x.CriteriaTotal, x.Bonus, x.Deduction))
            .ToList();
    }

    /// <summary>Whether a criterion of the subject's kind is scored from its entries (as I7 is for people).</summary>
    private static bool CountsEntries(Rulebook rulebook, SubjectKind kind) =>
        rulebook.ScoredCriteria(kind).Any(c => c.Scoring?.Parts.Any(p => p.Input == ScoringInputs.Entries) == true);

    /// <summary>A total within the rulebook's ceiling and floor, exactly as <see cref="Scorecards.Compute"/> bounds it.</summary>
    private static decimal Bounded(Rulebook rulebook, decimal total)
    {
        if (rulebook.TotalCeiling is { } ceiling && total > ceiling) total = ceiling;
        if (rulebook.TotalFloor is { } floor && total < floor) total = floor;
        return total;
    }

    public static async Task<IReadOnlyList<RankedPerson>> People(IQuerySession session, Rulebook rulebook, ScoreQuery q)
    {
        var cards = await PersonCards(session, rulebook, q);
        return cards.Select((x, i) => new RankedPerson(i + 1, x.Person.Id, x.Person.Name, UnitOf(x.Person, q), x.Card.Total,
                x.Card.CriteriaTotal, x.Card.BonusTotal, x.Card.DeductionTotal))
            .ToList();
    }

    public static async Task<IReadOnlyList<(Person Person, Scorecard Card)>> PersonCards(IQuerySession session, Rulebook rulebook, ScoreQuery q)
    {
        // Only people who belonged to a unit on some counted day are scored (ADR 0065).
        var people = (await session.Query<Person>().Where(p => p.RegisteredAt <= q.KnownAt).ToListAsync()).Where(q.Scores).ToList();
        var entries = (await ScoreReader.AllEntries(session, q)).Where(e => e.PersonId is not null).ToLookup(e => e.PersonId!.Value);
        var marks = (await ScoreReader.AllMarks(session, SubjectKind.Person, q)).ToLookup(m => m.SubjectId);
        var cases = await RateReader.CountsOfAll(session, SubjectKind.Person, q);
        return people
            .Select(p => (p, card: Scorecards.Compute(rulebook, SubjectKind.Person, new ScoreSubject("person", p.Id, p.Name, null), q, entries[p.Id], marks[p.Id], cases.GetValueOrDefault(p.Id))))
            .OrderByDescending(x => x.card.Total).ThenBy(x => x.p.Name, StringComparer.Ordinal).ThenBy(x => x.p.Id)
            .ToList();
    }

    /// <summary>
    /// The unit a person is listed under: that of their last membership within the counted days (the unit
    /// they belonged to on the last counted day, or the one they last left); their latest unit if none.
    /// </summary>
    public static Guid UnitOf(Person person, ScoreQuery q) => q.MembershipsOf(person) is { Count: > 0 } spells ? spells[^1].UnitId : person.UnitId;
}
