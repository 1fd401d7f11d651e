using Weasel.Postgresql.Tables;

namespace Hotline.Ledger.Cases.Feed;

/// <summary>
/// The platform event ids the ledger has appended, keyed by id. A batch claims its ids with one
/// insert in its own transaction: an id already there (or claimed by a batch committing at the same
/// moment, which the insert waits for) is a duplicate. Survives restarts; nothing ever deletes a claim.
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
