using Hotline.Ledger.Cases;
using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Marten;

namespace Hotline.Ledger.Warnings;

/// <summary>
/// The rate lights of <c>/api/warnings</c>: every unit's and person's computed criterion part that does not earn its
/// full points, red where it earns nothing (ADR 0025). Read set-wise (ADR 0178): the counts of every unit and of every
/// person, each summed by the database on its own connection, while the session reads the few entries a criterion counts
/// (I7's complaints) — never every person's document or every entry of the year. The names of the people with a light
/// are read once their lights are known (ADR 0208): most days few people have one, and a city has thousands.
/// </summary>
public static class RateLights
{
    /// <summary>The rows the lights stand on, once read.</summary>
    public sealed record Rows(
        IReadOnlyDictionary<Guid, CaseCounts> UnitCounts,
        IReadOnlyDictionary<Guid, CaseCounts> PersonCounts,
        IReadOnlyDictionary<Guid, PersonName> People,
        IReadOnlyList<Entry> Entries);

    /// <summary>The lights at the query's point, read and judged (the notices read them so).</summary>
    public static async Task<IReadOnlyList<Warning>> Of(IQuerySession session, Rulebook rulebook, ScoreQuery q, IReadOnlyDictionary<Guid, Unit> units,
        CancellationToken ct = default)
    {
        var counts = Counts(session, q, ct);
        var batch = session.CreateBatchQuery();
        var entries = Queue(batch, rulebook, q);
        await batch.Execute(ct);
        return await Judged(session, rulebook, q, units, counts, entries, ct);
    }

    /// <summary>
    /// The lights from the counts and the counted entries, judged without names first; then, only if some person has a
    /// light, those people's names and units are read and the lights judged again with them (from the rows already read).
    /// </summary>
    public static async Task<List<Warning>> Judged(IQuerySession session, Rulebook rulebook, ScoreQuery q, IReadOnlyDictionary<Guid, Unit> units,
        Task<(IReadOnlyDictionary<Guid, CaseCounts> Units, IReadOnlyDictionary<Guid, CaseCounts> People)> counts, Task<IReadOnlyList<Entry>> entries,
        CancellationToken ct = default)
    {
        var (unitCounts, personCounts) = await counts;
        var rows = new Rows(unitCounts, personCounts, new Dictionary<Guid, PersonName>(), await entries);
        var unnamed = Judge(rulebook, q, units, rows);
        var lit = unnamed.Where(w => w.Kind == "person" && w.PersonId is not null).Select(w => w.PersonId!.Value).Distinct().ToArray();
        if (lit.Length == 0) return unnamed;
        var names = await session.Query<Person>().Where(p => lit.Contains(p.Id)).Select(p => new PersonName(p.Id, p.Name, p.UnitId)).ToListAsync(ct);
        return Judge(rulebook, q, units, rows with { People = names.ToDictionary(p => p.Id) });
    }

    /// <summary>Both kinds' counts, started at once on connections of their own.</summary>
    public static Task<(IReadOnlyDictionary<Guid, CaseCounts> Units, IReadOnlyDictionary<Guid, CaseCounts> People)> Counts(
        IQuerySession session, ScoreQuery q, CancellationToken ct)
    {
        var units = CaseCounters.SumApart(session, SubjectKind.Unit, q.Year, q.AsOf, q.KnownAt, ct);
        var people = CaseCounters.SumApart(session, SubjectKind.Person, q.Year, q.AsOf, q.KnownAt, ct);
        return Both(units, people);

        static async Task<(IReadOnlyDictionary<Guid, CaseCounts>, IReadOnlyDictionary<Guid, CaseCounts>)> Both(
            Task<IReadOnlyDictionary<Guid, CaseCounts>> a, Task<IReadOnlyDictionary<Guid, CaseCounts>> b) => (await a, await b);
    }

    /// <summary>The entries counted by a criterion, queued on the caller's batch.</summary>
    public static Task<IReadOnlyList<Entry>> Queue(Marten.Services.BatchQuerying.IBatchedQuery batch, Rulebook rulebook, ScoreQuery q)
    {
        var codes = CountedClauses(rulebook);
        var last = q.LastCountedDay;
        return codes.Length == 0
            ? Task.FromResult<IReadOnlyList<Entry>>([])
            : batch.Query<Entry>().Where(e => e.Year == q.Year && e.OccurredOn <= last && e.RecordedAt <= q.KnownAt && codes.Contains(e.Clause)).ToList();
    }

    /// <summary>The clauses whose entries a computed criterion counts (I7: complaints): the only entries the lights read.</summary>
    private static string[] CountedClauses(Rulebook rulebook) =>
        rulebook.Clauses.Where(c => c.Scoring is not null)
            .SelectMany(c => c.Scoring!.Parts.Where(p => p.Input == ScoringInputs.Entries).SelectMany(p => p.Clauses ?? []))
            .Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The lights from the rows: clause by clause, part by part, subject by subject.</summary>
    public static List<Warning> Judge(Rulebook rulebook, ScoreQuery q, IReadOnlyDictionary<Guid, Unit> units, Rows rows)
    {
        var rules = rulebook.CaseFeedOrDefault();
        var warnings = new List<Warning>();
        // Each subject's fractions once, whatever the number of parts that read them.
        var fractions = new Dictionary<(SubjectKind, Guid), IReadOnlyDictionary<string, RateFraction>>();

        foreach (var clause in rulebook.Clauses.Where(c => c.Scoring is not null))
        {
            var kind = clause.AppliesTo == AppliesTo.Unit ? SubjectKind.Unit : SubjectKind.Person;
            foreach (var part in clause.Scoring!.Parts)
            {
                if (part.Input == ScoringInputs.Entries)
                {
                    // Counted only for people who have some: a subject without any meets a "no complaint" target.
                    var counted = rows.Entries.Where(e => part.Clauses!.Contains(e.Clause) && e.CountsAt(q.KnownAt))
                        .GroupBy(e => kind == SubjectKind.Unit ? e.UnitId : e.PersonId ?? Guid.Empty)
                        .Where(g => g.Key != Guid.Empty);
                    foreach (var g in counted)
                    {
                        decimal n = g.Count();
                        if (part.Function.Meets(n, part.Points)) continue;
                        warnings.Add(Subject(kind, g.Key, units, rows.People, clause, part, n, null,
                            $"{n} entr{(n == 1 ? "y" : "ies")} under {string.Join("/", part.Clauses!)} this year cost {clause.Code} {part.Points - part.Function.Points(n, part.Points)} of its {part.Points} points"));
                    }

                    continue;
                }

                foreach (var (id, counts) in kind == SubjectKind.Unit ? rows.UnitCounts : rows.PersonCounts)
                {
                    if (!fractions.TryGetValue((kind, id), out var of)) fractions[(kind, id)] = of = CaseRates.Fractions(counts, rules);
                    var fraction = of[part.Input];
                    if (fraction.Value is not { } value || part.Function.Meets(value, part.Points)) continue;
                    var target = part.Function.Target ?? part.Function.Steps?.FirstOrDefault()?.AtLeast;
                    warnings.Add(Subject(kind, id, units, rows.People, clause, part, Math.Round(value, 4), target,
                        $"{part.Input} {value:P1}（{fraction.Numerator:0.##} / {fraction.Denominator:0.##}）低于 {clause.Code} 的目标 {target:P0}"));
                }
            }
        }

        return warnings;
    }

    private static Warning Subject(SubjectKind kind, Guid id, IReadOnlyDictionary<Guid, Unit> units, IReadOnlyDictionary<Guid, PersonName> people,
        Clause clause, ScoringPart part, decimal value, decimal? target, string reason)
    {
        var level = part.Function.Points(value, part.Points) == 0 ? "red" : "yellow";
        var who = kind == SubjectKind.Unit
            ? units.TryGetValue(id, out var u) ? $"{u.Code} {u.Name}：" : ""
            : people.TryGetValue(id, out var p) ? $"{p.Name}：" : "";
        return kind == SubjectKind.Unit
            ? new Warning("unit", level, who + reason, UnitId: id, Clause: clause.Code, Input: part.Input, Value: value, Target: target)
            : new Warning("person", level, who + reason, UnitId: people.GetValueOrDefault(id)?.UnitId, PersonId: id, Clause: clause.Code, Input: part.Input, Value: value, Target: target);
    }
}
