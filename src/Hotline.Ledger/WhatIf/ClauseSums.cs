using Hotline.Ledger.Entries;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;

namespace Hotline.Ledger.WhatIf;

/// <summary>How many counted entries a subject has under one clause at one recorded value.</summary>
public sealed record ClauseSum(Guid SubjectId, string Clause, decimal Points, int Count);

/// <summary>
/// The ranking's sums in the database (ADR 0042), one level finer: per subject, clause and recorded points,
/// so that a draft can price each group again without a single entry being loaded (ADR 0091). The
/// conditions are the ranking's own: the ones a scorecard counts by.
/// </summary>
public static class ClauseSums
{
    public static async Task<IReadOnlyList<ClauseSum>> Of(IQuerySession session, SubjectKind kind, ScoreQuery q, CancellationToken ct = default)
    {
        var table = session.DocumentStore.Options.Schema.For<Entry>();
        var subject = kind == SubjectKind.Unit ? "unit_id" : "person_id";
        var sql = $"""
                   select jsonb_build_object('subjectId', {subject}, 'clause', clause, 'points', points, 'count', count(*))
                   from (select {subject}, data ->> 'clause' as clause, (data ->> 'points')::numeric as points from {table}
                         where year = ? and occurred_on <= ? and recorded_at <= ? and (rescinded_at is null or rescinded_at > ?)
                           and {subject} is not null) counted
                   group by {subject}, clause, points
                   """;
        return await session.AdvancedSql.QueryAsync<ClauseSum>(sql, ct, q.Year, q.LastCountedDay, q.KnownAt, q.KnownAt);
    }

    /// <summary>
    /// The counted entries under <paramref name="clauses"/>: what a criterion that counts entries (I7) needs.
    /// Few rows (complaints), read whole so that the scorecard's own code counts them.
    /// </summary>
    public static async Task<IReadOnlyList<Entry>> EntriesUnder(IQuerySession session, IReadOnlyCollection<string> clauses, ScoreQuery q, CancellationToken ct = default)
    {
        if (clauses.Count == 0) return [];
        var last = q.LastCountedDay;
        var codes = clauses.ToArray();
        return await session.Query<Entry>()
            .Where(e => e.Year == q.Year && e.OccurredOn <= last && e.RecordedAt <= q.KnownAt && codes.Contains(e.Clause))
            .ToListAsync(ct);
    }
}
