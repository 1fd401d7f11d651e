using Hotline.Ledger.Cases;
using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Ledger.Entries;
using Hotline.Ledger.Ledger.Marks;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring;

/// <summary>
/// Computes a scorecard from candidate entries and marks. It applies both clocks itself, so a caller
/// may pass more rows than count (the database narrows, this decides).
/// </summary>
public static class Scorecards
{
    /// <param name="caseCounts">The subject's case counts at the query's point (ADR 0021); none if null.</param>
    public static Scorecard Compute(
        Rulebook rulebook, SubjectKind kind, ScoreSubject subject, ScoreQuery query,
        IEnumerable<Entry> entries, IEnumerable<Mark> marks, CaseCounts? caseCounts = null)
    {
        var counted = entries
            .Where(e => (kind == SubjectKind.Unit ? e.UnitId == subject.Id : e.PersonId == subject.Id)
                        && query.Counts(e.OccurredOn, e.RecordedAt) && e.CountsAt(query.KnownAt))
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id)
            .Select(e => new CountedEntry(e.Id, e.Clause, e.Points, e.OccurredOn, e.RecordedAt, e.UnitId, e.PersonId, e.Automatic, e.CaseNumber, e.Month))
            .ToList();

        var visibleMarks = marks
            .Where(m => m.SubjectId == subject.Id && m.Year == query.Year && m.RecordedAt <= query.KnownAt && m.MarkedOn <= query.AsOf)
            .ToLookup(m => m.Clause);

        var criteria = Criteria(rulebook, kind, visibleMarks, caseCounts, counted);
        var criteriaTotal = criteria.Sum(c => c.Points ?? 0m);
        var bonusTotal = counted.Where(e => e.Points > 0).Sum(e => e.Points);
        var deductionTotal = counted.Where(e => e.Points < 0).Sum(e => e.Points);
        var total = Bounded(rulebook, criteriaTotal + bonusTotal + deductionTotal);

        return new Scorecard(subject, query.Year, query.AsOf, query.KnownAt, rulebook.Id, criteria,
            criteriaTotal, bonusTotal, deductionTotal, total, counted);
    }

    /// <summary>The criteria of a subject from the marks visible at the point, its case counts and its counted entries.</summary>
    public static List<CriterionScore> Criteria(Rulebook rulebook, SubjectKind kind, ILookup<string, Mark> visibleMarks, CaseCounts? caseCounts,
        IReadOnlyList<CountedEntry> counted)
    {
        var rates = CaseRates.Fractions(caseCounts ?? CaseCounts.Zero, rulebook.CaseFeedOrDefault());
        return rulebook.ScoredCriteria(kind)
            .Select(c => c.Scoring is { } scoring ? ComputedCriteria.Score(c, scoring, rates, counted) : Criterion(c, visibleMarks[c.Code]))
            .ToList();
    }

    /// <summary>A total within the rulebook's ceiling and floor.</summary>
    public static decimal Bounded(Rulebook rulebook, decimal total)
    {
        if (rulebook.TotalCeiling is { } ceiling && total > ceiling) total = ceiling;
        if (rulebook.TotalFloor is { } floor && total < floor) total = floor;
        return total;
    }

    /// <summary>
    /// The latest mark counts; a collective criterion (I8) is the mean of each scorer's latest mark,
    /// rounded to two decimals (ADR 0005).
    /// </summary>
    private static CriterionScore Criterion(Clause clause, IEnumerable<Mark> marks)
    {
        var ordered = marks.OrderBy(m => m.RecordedAt).ThenBy(m => m.Id).ToList();
        decimal? points = null;
        if (ordered.Count > 0)
        {
            points = clause.Collective
                ? Math.Round(ordered.GroupBy(m => m.Scorer).Select(g => g.Last().Points).Average(), 2, MidpointRounding.AwayFromZero)
                : ordered[^1].Points;
        }

        return new CriterionScore(clause.Code, clause.Title, clause.MaxMagnitude, points, "mark", ordered.Count);
    }
}
