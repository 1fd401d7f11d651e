using Hotline.Ledger.Cases;
using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Rulebooks.Drafts;
using Hotline.Ledger.Scoring;

namespace Hotline.Ledger.WhatIf;

/// <summary>
/// Every unit and person under the rulebook in force and under a draft, from the ranking's sums in the
/// database (ADR 0042, ADR 0091): entries are summed per subject, clause and recorded points and priced
/// again in memory; criteria are scored by the scorecard's own code from the marks and case counts; no
/// subject is replayed on its own.
/// </summary>
public static class Comparison
{
    /// <summary>A cause whose clause the draft left as it was, though what it gives changed.</summary>
    public const string Indirect = "indirect";

    public static async Task<WhatIfAnswer> Of(IQuerySession session, Repricing pricing, DraftReference draft, ScoreQuery q, CancellationToken ct = default)
    {
        var units = await session.Query<Unit>().Where(u => u.RegisteredAt <= q.KnownAt).ToListAsync(ct);
        // As the people's ranking: only those who belonged to a unit on some counted day are scored (ADR 0065).
        var people = (await session.Query<Person>().Where(p => p.RegisteredAt <= q.KnownAt).ToListAsync(ct)).Where(q.Scores).ToList();
        var unitSums = (await ClauseSums.Of(session, SubjectKind.Unit, q, ct)).ToLookup(s => s.SubjectId);
        var personSums = (await ClauseSums.Of(session, SubjectKind.Person, q, ct)).ToLookup(s => s.SubjectId);
        var counted = await ClauseSums.EntriesUnder(session, CountedClauses(pricing), q, ct);
        var unitMarks = await RankingSums.Marks(session, SubjectKind.Unit, q, ct);
        var personMarks = await RankingSums.Marks(session, SubjectKind.Person, q, ct);
        var unitCases = await RateReader.CountsOfAll(session, SubjectKind.Unit, q);
        var personCases = await RateReader.CountsOfAll(session, SubjectKind.Person, q);

        var differences = RulebookDifferences.Between(pricing.InForce, pricing.Draft);
        var changed = differences.Clauses.Where(c => c.Change == RulebookDifferences.Changed).Select(c => c.Clause).ToHashSet(StringComparer.Ordinal);
        var unitSide = new Side(pricing, changed, SubjectKind.Unit, q, counted.ToLookup(e => e.UnitId), unitMarks, unitCases);
        var unitRows = Ranked(units.Select(u => (Subject: u, Scores: unitSide.Score(new ScoreSubject("unit", u.Id, u.Name, u.Code), unitSums[u.Id]))).ToList(),
            x => x.Subject.CodeKey, _ => Guid.Empty);
        var personSide = new Side(pricing, changed, SubjectKind.Person, q, counted.Where(e => e.PersonId is not null).ToLookup(e => e.PersonId!.Value), personMarks, personCases);
        var personRows = Ranked(people.Select(p => (Subject: p, Scores: personSide.Score(new ScoreSubject("person", p.Id, p.Name, null), personSums[p.Id]))).ToList(),
            x => x.Subject.Name, x => x.Subject.Id);

        var entriesByClause = unitSums.SelectMany(g => g).GroupBy(s => s.Clause).ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
        var changes = differences.Clauses
            .Select(c => new ClauseEffect(c.Clause, c.Change, c.Title, c.Fields, entriesByClause.GetValueOrDefault(c.Clause), c.Before, c.After))
            .ToList();

        return new WhatIfAnswer(q.Year, q.AsOf, q.KnownAt, pricing.InForce.Id, draft, changes,
            unitRows.Select(r => new UnitWhatIf(r.Subject.Id, r.Subject.Code, r.Subject.Name, r.Current, r.Draft, r.Draft.Total - r.Current.Total,
                r.Current.Rank - r.Draft.Rank, r.Causes)).ToList(),
            personRows.Select(r => new PersonWhatIf(r.Subject.Id, r.Subject.Name, Ranking.UnitOf(r.Subject, q), r.Current, r.Draft,
                r.Draft.Total - r.Current.Total, r.Current.Rank - r.Draft.Rank, r.Causes)).ToList());
    }

    /// <summary>The clauses whose entries a criterion of either rulebook counts (I7 counts complaints).</summary>
    private static HashSet<string> CountedClauses(Repricing pricing) =>
        new[] { pricing.InForce, pricing.Draft }
            .SelectMany(b => b.Clauses.Where(c => c.Kind == ClauseKind.Criterion))
            .SelectMany(c => c.Scoring?.Parts ?? [])
            .Where(p => p.Input == ScoringInputs.Entries)
            .SelectMany(p => p.Clauses ?? [])
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Ranks under each rulebook (highest total first; ties as the ranking breaks them), then the draft's order.</summary>
    private static List<(T Subject, Standing Current, Standing Draft, IReadOnlyList<Cause> Causes)> Ranked<T>(
        List<(T Subject, SubjectScores Scores)> rows, Func<(T Subject, SubjectScores Scores), string> tie, Func<(T Subject, SubjectScores Scores), Guid> lastTie)
    {
        Dictionary<int, int> RankBy(Func<SubjectScores, decimal> total) => rows
            .Select((r, i) => (r, i))
            .OrderByDescending(x => total(x.r.Scores)).ThenBy(x => tie(x.r), StringComparer.Ordinal).ThenBy(x => lastTie(x.r))
            .Select((x, rank) => (x.i, rank))
            .ToDictionary(x => x.i, x => x.rank + 1);

        var current = RankBy(s => s.Current);
        var draft = RankBy(s => s.Draft);
        return rows
            .Select((r, i) => (r.Subject,
                new Standing(r.Scores.Current, current[i], r.Scores.CurrentGrade),
                new Standing(r.Scores.Draft, draft[i], r.Scores.DraftGrade),
                r.Scores.Causes))
            .OrderBy(r => r.Item3.Rank)
            .ToList();
    }

    private sealed record SubjectScores(decimal Current, string? CurrentGrade, decimal Draft, string? DraftGrade, IReadOnlyList<Cause> Causes);

    /// <summary>One kind of subject's rows, scored under both rulebooks.</summary>
    private sealed class Side(Repricing pricing, IReadOnlySet<string> changed, SubjectKind kind, ScoreQuery q, ILookup<Guid, Entry> counted, IReadOnlyList<Mark> marks,
        IReadOnlyDictionary<Guid, CaseCounts> cases)
    {
        private readonly ILookup<Guid, Mark> _current = marks.ToLookup(m => m.SubjectId);
        private readonly ILookup<Guid, Mark> _draft = pricing.Marks(marks).ToLookup(m => m.SubjectId);

        private readonly Dictionary<string, int> _order =
            pricing.Draft.Clauses.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);

        public SubjectScores Score(ScoreSubject subject, IEnumerable<ClauseSum> sums)
        {
            var groups = sums.ToList();
            var (current, currentParts) = Under(pricing.InForce, subject, _current[subject.Id], groups, (_, recorded) => recorded);
            var (draft, draftParts) = Under(pricing.Draft, subject, _draft[subject.Id], groups, pricing.Entry);
            return new(current, pricing.InForce.GradeOf(current), draft, pricing.Draft.GradeOf(draft), Causes(currentParts, draftParts));
        }

        /// <summary>The bounded total under one rulebook, and what each clause gave towards it.</summary>
        private (decimal Total, Dictionary<string, decimal> Parts) Under(Rulebook book, ScoreSubject subject, IEnumerable<Mark> subjectMarks,
            List<ClauseSum> groups, Func<string, decimal, decimal?> price)
        {
            var card = Scorecards.Compute(book, kind, subject, q, counted[subject.Id], subjectMarks, cases.GetValueOrDefault(subject.Id));
            var parts = card.Criteria.ToDictionary(c => c.Clause, c => c.Points ?? 0m, StringComparer.Ordinal);
            var entries = 0m;
            foreach (var g in groups)
            {
                if (price(g.Clause, g.Points) is not { } each) continue;
                parts[g.Clause] = parts.GetValueOrDefault(g.Clause) + each * g.Count;
                entries += each * g.Count;
            }

            return (book.Bounded(card.CriteriaTotal + entries), parts);
        }

        /// <summary>
        /// The clauses that give the subject something different, in the draft's order, then what it dropped. A clause
        /// the draft left as it was can still give something else (I7 when the clauses it counts change): "indirect".
        /// </summary>
        private List<Cause> Causes(Dictionary<string, decimal> current, Dictionary<string, decimal> draft) =>
            current.Keys.Union(draft.Keys)
                .Select(code => new Cause(code, current.TryGetValue(code, out var c) ? c : null, draft.TryGetValue(code, out var d) ? d : null,
                    pricing.Draft.Find(code) is null ? RulebookDifferences.Dropped
                    : pricing.InForce.Find(code) is null ? RulebookDifferences.Added
                    : changed.Contains(code) ? RulebookDifferences.Changed
                    : Indirect))
                .Where(c => c.Current != c.Draft)
                .OrderBy(c => _order.GetValueOrDefault(c.Clause, int.MaxValue)).ThenBy(c => c.Clause, StringComparer.Ordinal)
                .ToList();
    }
}
