using Weasel.Core;

namespace Hotline.Ledger.Storage;

/// <summary>
/// A bulk load into an empty table is several times faster without its secondary indexes, and building
/// an index afterwards is one sort. These take them off and put the very same definitions back (so the
/// schema Marten expects is unchanged; were the process to stop in between, Marten's start-up migration
/// would create them again).
/// </summary>
internal static class SecondaryIndexes
{
    public static async Task<IReadOnlyList<string>> Drop(IDocumentStore store, IEnumerable<DbObjectName> tables, CancellationToken ct)
    {
        var definitions = new List<string>();
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        foreach (var table in tables)
        {
            var names = new List<string>();
            await using (var find = conn.CreateCommand())
            {
                // Indexes that back a constraint (the primary key) stay: they keep the load honest.
                find.CommandText = "select i.indexname, i.indexdef from pg_indexes i where i.schemaname = @schema and i.tablename = @table " +
                                   "and not exists (select 1 from pg_constraint c where c.conname = i.indexname)";
                find.Parameters.AddWithValue("schema", table.Schema);
                find.Parameters.AddWithValue("table", table.Name);
                await using var reader = await find.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    names.Add(reader.GetString(0));
                    definitions.Add(reader.GetString(1));
                }
            }

            foreach (var name in names)
            {
                await using var drop = conn.CreateCommand();
                drop.CommandText = $"drop index \"{table.Schema}\".\"{name}\"";
                await drop.ExecuteNonQueryAsync(ct);
            }
        }

        return definitions;
    }

    public static async Task Create(IDocumentStore store, IEnumerable<string> definitions, CancellationToken ct)
    {
        // Two at a time (two connections), each sort in memory: the counters' three indexes over a million rows each
        // spilled to disk at the server's default maintenance_work_mem (ADR 0207).
        var queue = new Queue<string>(definitions);
        async Task Build()
        {
            await using var conn = store.Storage.Database.CreateConnection();
            await conn.OpenAsync(ct);
            await using (var memory = conn.CreateCommand())
            {
                memory.CommandText = "set maintenance_work_mem = '256MB'";
                await memory.ExecuteNonQueryAsync(ct);
            }

            while (true)
            {
                string? definition;
                lock (queue)
                {
                    if (!queue.TryDequeue(out definition)) break;
                }

                await using var create = conn.CreateCommand();
                create.CommandText = definition;
                create.CommandTimeout = 3600;
                await create.ExecuteNonQueryAsync(ct);
            }

            // The connection goes back to the pool as it came.
            await using var reset = conn.CreateCommand();
            reset.CommandText = "reset maintenance_work_mem";
            await reset.ExecuteNonQueryAsync(ct);
        }

        await Task.WhenAll(Build(), Build());
    }
}
