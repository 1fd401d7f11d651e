using Hotline.Ledger.Rulebooks;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql.Tables;

namespace Hotline.Ledger.Cases.Rates;

/// <summary>
/// The bitemporal rate counters (ADR 0021): rows of (subject, year of the cases, business
/// date, recorded instant) holding signed changes of <see cref="CaseCounts"/>. Every write adds the
/// difference its facts made to the cases' timelines, so the rows recorded by <c>knownAt</c> with a date
/// on or before <c>asOf</c> sum to the rates at that point on both clocks, with one indexed query.
/// </summary>
public static class CaseCounters
{
    public const string TableName = "hl_case_counters";

    private static readonly string[] CountColumns =
    [
        "assigned", "completed", "visited", "satisfied", "basically_satisfied", "dissatisfied", "unreached",
        "votes", "votes_satisfied", "reply_due", "replied_on_time",
    ];

    public static Table Table(string schema)
    {
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn("subject_kind", "smallint").NotNull();
        table.AddColumn<Guid>("subject_id").NotNull();
        table.AddColumn<int>("year").NotNull();
        table.AddColumn("occurred_on", "date").NotNull();
        table.AddColumn<DateTimeOffset>("recorded_at").NotNull();
        foreach (var column in CountColumns) table.AddColumn<int>(column).NotNull();
        // One subject's rows of a year by when they were recorded: those after a checkpoint, or up to knownAt (ADR 0202).
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_subject_recorded") { Columns = ["subject_id", "year", "recorded_at"] });
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_year") { Columns = ["year", "subject_kind"] });
        // What was recorded in an interval: the rows after a checkpoint (ADR 0045).
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_recorded") { Columns = ["subject_kind", "year", "recorded_at"] });
        return table;
    }

    /// <summary>Queues the rows of one write, stamped with its recorded instant, as one statement in the session's batch.</summary>
    public static void Queue(IDocumentOperations session, IReadOnlyDictionary<CounterKey, CaseCounts> changes, DateTimeOffset recordedAt) =>
        Queue(session, changes.Select(c => (c.Key, c.Value, recordedAt)).ToList());

    /// <summary>Queues counter rows, each stamped with the recorded instant of its write, as one statement in the session's batch.</summary>
    public static void Queue(IDocumentOperations session, IReadOnlyList<(CounterKey Key, CaseCounts Counts, DateTimeOffset RecordedAt)> rows)
    {
        if (rows.Count == 0) return;
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        int[] Column(Func<CaseCounts, int> pick) => rows.Select(r => pick(r.Counts)).ToArray();

        session.QueueSqlCommand(
            $"""
             insert into {schema}.{TableName} (subject_kind, subject_id, year, occurred_on, recorded_at, {string.Join(", ", CountColumns)})
             select k, s, y, d, r, a, c, v, sa, bs, di, un, vo, vs, rd, ro
             from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) as t(k, s, y, d, r, a, c, v, sa, bs, di, un, vo, vs, rd, ro)
             """,
            rows.Select(r => (short)r.Key.Kind).ToArray(),
            rows.Select(r => r.Key.SubjectId).ToArray(),
            rows.Select(r => r.Key.Year).ToArray(),
            rows.Select(r => r.Key.On).ToArray(),
            rows.Select(r => r.RecordedAt.ToUniversalTime()).ToArray(),
            Column(c => c.Assigned), Column(c => c.Completed), Column(c => c.Visited), Column(c => c.Satisfied),
            Column(c => c.BasicallySatisfied), Column(c => c.Dissatisfied), Column(c => c.Unreached),
            Column(c => c.Votes), Column(c => c.VotesSatisfied), Column(c => c.ReplyDue), Column(c => c.RepliedOnTime));
    }

    /// <summary>Writes counter rows with binary COPY: how a rebuild puts them back (ADR 0041).</summary>
    public static async Task Copy(NpgsqlConnection conn, string schema, IEnumerable<(CounterKey Key, CaseCounts Counts, DateTimeOffset RecordedAt)> rows)
    {
        await using var copy = await conn.BeginBinaryImportAsync(
            $"copy {schema}.{TableName} (subject_kind, subject_id, year, occurred_on, recorded_at, {string.Join(", ", CountColumns)}) from stdin (format binary)");
        // Written synchronously: a value goes into the importer's buffer, and an awaited call for each of a million rows'
        // sixteen values cost more than the rare flush it could spare the thread (ADR 0207).
        foreach (var (key, c, at) in rows)
        {
            copy.StartRow();
            copy.Write((short)key.Kind, NpgsqlDbType.Smallint);
            copy.Write(key.SubjectId, NpgsqlDbType.Uuid);
            copy.Write(key.Year, NpgsqlDbType.Integer);
            copy.Write(key.On, NpgsqlDbType.Date);
            copy.Write(at.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            copy.Write(c.Assigned, NpgsqlDbType.Integer);
            copy.Write(c.Completed, NpgsqlDbType.Integer);
            copy.Write(c.Visited, NpgsqlDbType.Integer);
            copy.Write(c.Satisfied, NpgsqlDbType.Integer);
            copy.Write(c.BasicallySatisfied, NpgsqlDbType.Integer);
            copy.Write(c.Dissatisfied, NpgsqlDbType.Integer);
            copy.Write(c.Unreached, NpgsqlDbType.Integer);
            copy.Write(c.Votes, NpgsqlDbType.Integer);
            copy.Write(c.VotesSatisfied, NpgsqlDbType.Integer);
            copy.Write(c.ReplyDue, NpgsqlDbType.Integer);
            copy.Write(c.RepliedOnTime, NpgsqlDbType.Integer);
        }

        await copy.CompleteAsync();
    }

    /// <summary>The counts of every subject of a kind (or of one) at (<paramref name="asOf"/>, <paramref name="knownAt"/>).</summary>
    public static async Task<IReadOnlyDictionary<Guid, CaseCounts>> Sum(
        IQuerySession session, SubjectKind kind, int year, DateOnly asOf, DateTimeOffset knownAt, Guid? subjectId = null, CancellationToken ct = default)
    {
        // Every unit, or every person, at once reads the weekly checkpoints and the rows since (ADRs 0045, 0201); one
        // subject its own row of the latest checkpoint and its rows since (ADR 0202).
        return subjectId is { } one
            ? await CounterCheckpoints.SumOne(session.DocumentStore, kind, year, asOf, knownAt, one, ct)
            : await CounterCheckpoints.Sum(session.DocumentStore, kind, year, asOf, knownAt, ct);
    }

    /// <summary>
    /// <see cref="Sum"/> on a connection of its own, so that several sums and a session's own reads run at once
    /// (ADRs 0178, 0179): of every subject of a kind (through the weekly checkpoints, ADRs 0045, 0201), or of one.
    /// </summary>
    public static Task<IReadOnlyDictionary<Guid, CaseCounts>> SumApart(
        IQuerySession session, SubjectKind kind, int year, DateOnly asOf, DateTimeOffset knownAt, CancellationToken ct = default, Guid? subjectId = null) =>
        Sum(session, kind, year, asOf, knownAt, subjectId, ct);

    /// <summary>
    /// Each subject's counts by business day up to <paramref name="lastDay"/>, as recorded by <paramref name="knownAt"/> (of one
    /// subject, or of every subject of the kind): summed day by day in order, they are the counts at each day (a series).
    /// </summary>
    public static async Task<IReadOnlyList<(Guid SubjectId, DateOnly On, CaseCounts Counts)>> ByDay(
        IQuerySession session, SubjectKind kind, int year, DateOnly lastDay, DateTimeOffset knownAt, Guid? subjectId = null, CancellationToken ct = default)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var sums = string.Join(", ", CountColumns.Select(c => $"'{Camel(c)}', sum({c})"));
        var sql = $"""
                   select json_build_object('subjectId', subject_id, 'on', occurred_on, {sums})::jsonb
                   from {schema}.{TableName}
                   where subject_kind = ? and year = ? and occurred_on <= ? and recorded_at <= ?{(subjectId is null ? "" : " and subject_id = ?")}
                   group by subject_id, occurred_on
                   order by occurred_on
                   """;
        object[] args = subjectId is { } id ? [(short)kind, year, lastDay, knownAt, id] : [(short)kind, year, lastDay, knownAt];
        var rows = await session.AdvancedSql.QueryAsync<DaySum>(sql, ct, args);
        return rows.Select(r => (r.SubjectId, r.On, r.Counts)).ToList();
    }

    private sealed record DaySum(
        Guid SubjectId, DateOnly On, int Assigned, int Completed, int Visited, int Satisfied, int BasicallySatisfied, int Dissatisfied,
        int Unreached, int Votes, int VotesSatisfied, int ReplyDue, int RepliedOnTime)
    {
        public CaseCounts Counts => new(Assigned, Completed, Visited, Satisfied, BasicallySatisfied, Dissatisfied, Unreached,
            Votes, VotesSatisfied, ReplyDue, RepliedOnTime);
    }

    private static string Camel(string column)
    {
        var parts = column.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
