using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring.Series;

/// <summary>A subject's total on one business day (null on a day a person belonged to no unit, when they have no score).</summary>
public sealed record SeriesDay(DateOnly Date, decimal? Total);

/// <summary>A subject's total on every day from <see cref="From"/> to <see cref="To"/>, as the ledger stood at <see cref="KnownAt"/>.</summary>
public sealed record ScoreSeries(ScoreSubject Subject, int Year, DateOnly From, DateOnly To, DateTimeOffset KnownAt, IReadOnlyList<SeriesDay> Days);

/// <summary>A unit's place in the ranking of every unit on one business day, of how many, with its total.</summary>
public sealed record RankDay(DateOnly Date, int Rank, int Of, decimal Total);

public sealed record RankSeries(ScoreSubject Subject, int Year, DateOnly From, DateOnly To, DateTimeOffset KnownAt, IReadOnlyList<RankDay> Days);

/// <summary>
/// Totals and ranks day by day, each read once and walked in one pass (<see cref="DayByDay"/>), instead of a
/// scorecard or a ranking per day: the same rows a scorecard at the last day reads, the case counters summed by day.
/// </summary>
public static class SeriesReader
{
    public static async Task<ScoreSeries> Totals(IQuerySession session, RulebookCatalog rulebooks, SubjectKind kind, ScoreSubject subject,
        ScoreQuery q, DateOnly from, Person? person, CancellationToken ct = default)
    {
        var batch = session.CreateBatchQuery();
        var (entries, marks) = SubjectCards.Queue(batch, kind, subject.Id, q);
        await batch.Execute(ct);
        var counts = await CaseCounters.ByDay(session, kind, q.Year, q.LastCountedDay, q.KnownAt, subject.Id, ct);

        // What a scorecard at the last day counts, each change on the day it begins to count.
        var changes = (await entries)
            .Where(e => (kind == SubjectKind.Unit ? e.UnitId == subject.Id : e.PersonId == subject.Id)
                        && q.Counts(e.OccurredOn, e.RecordedAt) && e.CountsAt(q.KnownAt))
            .Select(e => new DayChange(e.OccurredOn, Entry: new CountedEntry(e.Id, e.Clause, e.Points, e.OccurredOn, e.RecordedAt, e.UnitId, e.PersonId, e.Automatic, e.CaseNumber, e.Month)))
            .Concat((await marks).Where(m => m.SubjectId == subject.Id && m.Year == q.Year && m.RecordedAt <= q.KnownAt && m.MarkedOn <= q.LastCountedDay)
                .Select(m => new DayChange(Later(m.MarkedOn, q.YearStart), Mark: m)))
            .Concat(counts.Select(c => new DayChange(Later(c.On, q.YearStart), Counts: c.Counts)))
            .OrderBy(c => c.On)
            .ToList();

        var walk = new DayByDay(kind, q.Year, day => rulebooks.ForScoring(q.Year, day)!);
        var days = new List<SeriesDay>();
        var next = 0;
        for (var day = q.YearStart; day <= q.LastCountedDay; day = day.AddDays(1))
        {
            var start = next;
            while (next < changes.Count && changes[next].On <= day) next++;
            var total = walk.TotalOn(day, changes.Skip(start).Take(next - start));
            // A person is scored only for the days they belonged to a unit (ADR 0065): before their first, no score.
            if (day >= from) days.Add(new SeriesDay(day, person is null || person.BelongedBetween(q.YearStart, day) ? total : null));
        }

        return new ScoreSeries(subject, q.Year, from, q.LastCountedDay, q.KnownAt, days);
    }

    /// <summary>
    /// The unit's rank among every unit registered by knownAt, on each day: every unit's total walked day by day, from
    /// entry sums by unit, day and clause (never the entries themselves), the year's unit marks and the counters by day.
    /// Ties are ordered as the ranking orders them (by code).
    /// </summary>
    public static async Task<RankSeries> Ranks(IQuerySession session, RulebookCatalog rulebooks, Unit unit, ScoreQuery q, DateOnly from, CancellationToken ct = default)
    {
        var units = await session.Query<Unit>().Where(u => u.RegisteredAt <= q.KnownAt).ToListAsync(ct);
        var changes = (await EntrySumsByDay(session, q, ct)).SelectMany(EntriesOf)
            .Concat((await RankingSums.Marks(session, SubjectKind.Unit, q, ct)).Where(m => m.MarkedOn <= q.LastCountedDay)
                .Select(m => (m.SubjectId, Change: new DayChange(Later(m.MarkedOn, q.YearStart), Mark: m))))
            .Concat((await CaseCounters.ByDay(session, SubjectKind.Unit, q.Year, q.LastCountedDay, q.KnownAt, ct: ct))
                .Select(c => (c.SubjectId, Change: new DayChange(Later(c.On, q.YearStart), Counts: c.Counts))))
            .ToLookup(c => c.SubjectId, c => c.Change);

        var walks = units.Select(u => (Unit: u, Walk: new DayByDay(SubjectKind.Unit, q.Year, day => rulebooks.ForScoring(q.Year, day)!),
            Changes: changes[u.Id].OrderBy(c => c.On).ToList(), Next: new int[1])).ToList();
        var days = new List<RankDay>();
        for (var day = q.YearStart; day <= q.LastCountedDay; day = day.AddDays(1))
        {
            var totals = walks.Select(w =>
            {
                var start = w.Next[0];
                while (w.Next[0] < w.Changes.Count && w.Changes[w.Next[0]].On <= day) w.Next[0]++;
                return (w.Unit, Total: w.Walk.TotalOn(day, w.Changes.Skip(start).Take(w.Next[0] - start)));
            }).ToList();
            if (day < from) continue;
            var ordered = totals.OrderByDescending(t => t.Total).ThenBy(t => t.Unit.CodeKey, StringComparer.Ordinal).ToList();
            var place = ordered.FindIndex(t => t.Unit.Id == unit.Id);
            if (place >= 0) days.Add(new RankDay(day, place + 1, ordered.Count, ordered[place].Total));
        }

        return new RankSeries(new ScoreSubject("unit", unit.Id, unit.Name, unit.Code), q.Year, from, q.LastCountedDay, q.KnownAt, days);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>Counted entries of one unit, day and clause, summed: as many stand-ins as there were entries, carrying the sums.</summary>
    private static IEnumerable<(Guid SubjectId, DayChange Change)> EntriesOf(DayClauseSum s) =>
        Enumerable.Range(0, s.Count).Select(i => (s.UnitId, new DayChange(s.On, Entry: new CountedEntry(Guid.Empty, s.Clause,
            s.Count == 1 ? s.Bonus + s.Deduction : i == 0 ? s.Bonus : i == 1 ? s.Deduction : 0m, s.On, default, s.UnitId, null, false))));

    private sealed record DayClauseSum(Guid UnitId, DateOnly On, string Clause, int Count, decimal Bonus, decimal Deduction);

    private static async Task<IReadOnlyList<DayClauseSum>> EntrySumsByDay(IQuerySession session, ScoreQuery q, CancellationToken ct)
    {
        var table = session.DocumentStore.Options.Schema.For<Ledger.Entries.Entry>();
        // The conditions of RankingSums.EntriesByUnit (those of a scorecard), grouped by day and clause as well.
        var sql = $"""
                   select jsonb_build_object('unitId', unit_id, 'on', occurred_on, 'clause', clause, 'count', count(*),
                       'bonus', coalesce(sum(points) filter (where points > 0), 0),
                       'deduction', coalesce(sum(points) filter (where points < 0), 0))
                   from (select unit_id, occurred_on, data ->> 'clause' as clause, (data ->> 'points')::numeric as points from {table}
                         where year = ? and occurred_on <= ? and recorded_at <= ? and (rescinded_at is null or rescinded_at > ?)) counted
                   group by unit_id, occurred_on, clause
                   """;
        return await session.AdvancedSql.QueryAsync<DayClauseSum>(sql, ct, q.Year, q.LastCountedDay, q.KnownAt, q.KnownAt);
    }
}
