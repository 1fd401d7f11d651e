using Marten;
using Npgsql;

namespace Hotline.Ledger.Benchmarks.Running;

/// <summary>
/// Every read-model row as one string: what must not change when the read models are rebuilt from the events
/// (the full run's rebuild checks and the focused <c>--rebuild</c> mode compare the same digest).
/// </summary>
public static class ReadModelDigest
{
    /// <summary>The tables of the snapshot documents the projections write (not the claims, which are no projection).</summary>
    public static List<string> ProjectedTables(IDocumentStore store) =>
        ProjectedTables(store, ((StoreOptions)store.Options).Projections.All.Select(p => p.Name).ToList());

    public static List<string> ProjectedTables(IDocumentStore store, IReadOnlyCollection<string> projections) =>
        store.Options.AllKnownDocumentTypes()
            .Where(t => projections.Contains(t.DocumentType.Name))
            .Select(t => t.TableName.QualifiedName)
            .ToList();

    /// <summary>
    /// Every read-model row, by id: count and MD5 of ids and JSON, per table; and the rate counters as the
    /// sums every answer is made of (how a write split them into rows is not part of any answer).
    /// </summary>
    public static async Task<string> Of(string connectionString, IEnumerable<string> tables, string? countersSchema)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var parts = new List<string>();
        foreach (var table in tables)
        {
            await using var cmd = new NpgsqlCommand($"select count(*) || ':' || coalesce(md5(string_agg(md5(id::text || data::text), '' order by id)), '') from {table}", conn) { CommandTimeout = 600 };
            parts.Add($"{table.Split('.')[^1]}={await cmd.ExecuteScalarAsync()}");
        }

        if (countersSchema is not null)
        {
            // A group whose sums are all zero is in no answer: a write the daemon read across two pages may leave one
            // (a day's +1 in the first part and its -1 in the second) where the feed wrote none.
            const string NonZero = "sum(assigned) <> 0 or sum(completed) <> 0 or sum(visited) <> 0 or sum(satisfied) <> 0 or sum(basically_satisfied) <> 0 or " +
                                   "sum(dissatisfied) <> 0 or sum(unreached) <> 0 or sum(votes) <> 0 or sum(votes_satisfied) <> 0 or sum(reply_due) <> 0 or sum(replied_on_time) <> 0";
            const string sums = "sum(assigned), sum(completed), sum(visited), sum(satisfied), sum(basically_satisfied), sum(dissatisfied), sum(unreached), sum(votes), sum(votes_satisfied), sum(reply_due), sum(replied_on_time)";
            await using var cmd = new NpgsqlCommand(
                $"select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' order by t::text)), '') from (select subject_kind, subject_id, year, occurred_on, recorded_at, {sums} " +
                $"from \"{countersSchema}\".hl_case_counters group by 1, 2, 3, 4, 5 having {NonZero}) t", conn) { CommandTimeout = 600 };
            parts.Add($"hl_case_counters={await cmd.ExecuteScalarAsync()}");
        }

        return string.Join("; ", parts);
    }

    public static async Task Truncate(string connectionString, IEnumerable<string> tables)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        foreach (var table in tables) await new NpgsqlCommand($"truncate {table}", conn).ExecuteNonQueryAsync();
    }
}
