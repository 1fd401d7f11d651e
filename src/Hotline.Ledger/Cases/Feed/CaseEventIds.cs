using Npgsql;
using Weasel.Postgresql.Tables;

namespace Hotline.Ledger.Cases.Feed;

/// <summary>
/// The platform event ids the ledger has appended, keyed by id. A batch claims its ids with one
/// insert in its own transaction: an id already there (or claimed by a batch committing at the same
/// moment, which the insert waits for) is a duplicate. Survives restarts; nothing ever deletes a claim.
/// <para>
/// A batch whose ids are all new (the usual case) claims them inside the append's own statement instead
/// (<see cref="Unclaimed"/>, ADR 0192): a plain insert that fails on the primary key if any id was claimed
/// before, rolling the batch back whole for the feed to do again, claiming first.
/// </para>
/// </summary>
public static class CaseEventIds
{
    public const string TableName = "hl_case_event_ids";

    public static Table Table(string schema)
    {
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn<string>("event_id").AsPrimaryKey();
        table.AddColumn<Guid>("case_id").NotNull();
        table.AddColumn<DateTimeOffset>("recorded_at").NotNull();
        return table;
    }

    /// <summary>
    /// The statement's part that claims <c>?</c> (recorded at), <c>?</c> (ids) and <c>?</c> (their cases), in that
    /// order of parameters: plain inserts in id order (as <see cref="Claim"/> takes them, so two batches never
    /// deadlock on their claims), failing on an id claimed before or by a batch that commits first.
    /// </summary>
    public static string ClaimsInStatement(string schema) =>
        $"insert into {schema}.{TableName} (event_id, case_id, recorded_at) select e, c, ? from unnest(?, ?) with ordinality as t(e, c, n) order by n";

    /// <summary>The ids and their cases, in the order <see cref="ClaimsInStatement"/> claims them.</summary>
    public static (string[] Ids, Guid[] Cases) Unclaimed(IReadOnlyList<ParsedRow> rows)
    {
        var ordered = rows.OrderBy(r => r.Fact.EventId, StringComparer.Ordinal).ToList();
        return (ordered.Select(r => r.Fact.EventId).ToArray(), ordered.Select(r => r.Stream).ToArray());
    }

    /// <summary>True when <paramref name="exception"/> says a claim in the append's statement found its id taken.</summary>
    public static bool IsTaken(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException!)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: TableName }) return true;
            if (e is AggregateException many) return many.InnerExceptions.Any(IsTaken);
        }

        return false;
    }

    /// <summary>Claims the ids (in a fixed order, so two batches never deadlock) and answers those that were new.</summary>
    public static async Task<HashSet<string>> Claim(IDocumentSession session, IReadOnlyList<ParsedRow> rows, DateTimeOffset recordedAt, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var ordered = rows.OrderBy(r => r.Fact.EventId, StringComparer.Ordinal).ToList();
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var claimed = await session.AdvancedSql.QueryAsync<string>(
            $"""
             insert into {schema}.{TableName} (event_id, case_id, recorded_at)
             select e, c, ? from unnest(?, ?) with ordinality as t(e, c, n) order by n
             on conflict (event_id) do nothing
             returning event_id
             """,
            ct, recordedAt, ordered.Select(r => r.Fact.EventId).ToArray(), ordered.Select(r => r.Stream).ToArray());
        return claimed.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The same claims, queued in the session's batch: a no-op in the transaction that made them, a must in one that replaces it.</summary>
    public static void Reassert(IDocumentSession session, IReadOnlyList<ParsedRow> rows, DateTimeOffset recordedAt)
    {
        if (rows.Count == 0) return;
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        session.QueueSqlCommand(
            $"insert into {schema}.{TableName} (event_id, case_id, recorded_at) select e, c, ? from unnest(?, ?) as t(e, c) on conflict (event_id) do nothing",
            recordedAt, rows.Select(r => r.Fact.EventId).ToArray(), rows.Select(r => r.Stream).ToArray());
    }
}
