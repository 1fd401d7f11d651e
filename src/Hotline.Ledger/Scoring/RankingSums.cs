using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring;

/// <summary>
/// The rows a ranking of every unit needs, summed by the database rather than loaded (ADR 0042): one
/// <c>group by</c> over the year's entry rows with the same two-clock conditions a scorecard applies,
/// and the year's unit marks as narrow rows for the scorecard's own latest-mark rules.
/// </summary>
public static class RankingSums
{
    public static async Task<IReadOnlyDictionary<Guid, EntrySums>> EntriesByUnit(IQuerySession session, ScoreQuery q, CancellationToken ct = default)
    {
        var table = session.DocumentStore.Options.Schema.For<Entry>();
        // As Scorecards.Compute counts an entry: occurred in the year up to the last counted day, recorded by
        // knownAt, not rescinded by knownAt; bonuses are the positive points, deductions the negative ones.
        // The points are read from the row's JSON: a year's rows are few enough, and a column would cost an index.
        var sql = $"""
                   select jsonb_build_object('subjectId', unit_id,
                       'bonus', coalesce(sum(points) filter (where points > 0), 0),
                       'deduction', coalesce(sum(points) filter (where points < 0), 0))
                   from (select unit_id, (data ->> 'points')::numeric as points from {table}
                         where year = ? and occurred_on <= ? and recorded_at <= ? and (rescinded_at is null or rescinded_at > ?)) counted
                   group by unit_id
                   """;
        var rows = await session.AdvancedSql.QueryAsync<EntrySums>(sql, ct, q.Year, q.LastCountedDay, q.KnownAt, q.KnownAt);
        return rows.ToDictionary(r => r.SubjectId);
    }

    /// <summary>
    /// <see cref="EntriesByUnit"/> on a connection of its own, so that it runs beside the session's reads (ADR 0180):
    /// the same rows, the same conditions, the sums read as numbers rather than as JSON.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, EntrySums>> EntriesByUnitApart(IQuerySession session, ScoreQuery q, CancellationToken ct = default)
    {
        var store = session.DocumentStore;
        var table = store.Options.Schema.For<Entry>();
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"""
                           select unit_id, coalesce(sum(points) filter (where points > 0), 0), coalesce(sum(points) filter (where points < 0), 0)
                           from (select unit_id, (data ->> 'points')::numeric as points from {table}
                                 where year = @year and occurred_on <= @last and recorded_at <= @knownAt and (rescinded_at is null or rescinded_at > @knownAt)) counted
                           group by unit_id
                           """;
        cmd.Parameters.AddWithValue("year", q.Year);
        cmd.Parameters.AddWithValue("last", q.LastCountedDay);
        cmd.Parameters.AddWithValue("knownAt", q.KnownAt.ToUniversalTime());
        var sums = new Dictionary<Guid, EntrySums>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            if (!reader.IsDBNull(0)) sums[reader.GetGuid(0)] = new EntrySums(reader.GetGuid(0), reader.GetDecimal(1), reader.GetDecimal(2));
        return sums;
    }

    /// <summary>The year's marks on subjects of a kind recorded by knownAt, without their reasons: the scorecard decides which count.</summary>
    public static async Task<IReadOnlyList<Mark>> Marks(IQuerySession session, SubjectKind kind, ScoreQuery q, CancellationToken ct = default)
    {
        var batch = session.CreateBatchQuery();
        var marks = QueueMarks(batch, kind, q);
        await batch.Execute(ct);
        return await marks;
    }

    /// <summary><see cref="Marks"/>, queued on the caller's batch.</summary>
    public static async Task<IReadOnlyList<Mark>> QueueMarks(Marten.Services.BatchQuerying.IBatchedQuery batch, SubjectKind kind, ScoreQuery q)
    {
        var rows = await batch.Query<Mark>()
            .Where(m => m.SubjectKind == kind && m.Year == q.Year && m.RecordedAt <= q.KnownAt)
            .Select(m => new MarkRow(m.Id, m.Clause, m.SubjectId, m.Scorer, m.Points, m.MarkedOn, m.RecordedAt))
            .ToList();
        return rows.Select(r => new Mark
        {
            Id = r.Id, Year = q.Year, Clause = r.Clause, SubjectKind = kind, SubjectId = r.SubjectId, Scorer = r.Scorer,
            Points = r.Points, MarkedOn = r.MarkedOn, RecordedAt = r.RecordedAt,
        }).ToList();
    }

    private sealed record MarkRow(Guid Id, string Clause, Guid SubjectId, string Scorer, decimal Points, DateOnly MarkedOn, DateTimeOffset RecordedAt);
}
