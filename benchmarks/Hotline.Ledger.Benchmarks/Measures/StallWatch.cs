using Hotline.Ledger.Storage;

namespace Hotline.Ledger.Benchmarks.Measures;

/// <summary>
/// Watches single entries for an answer that is slow in coming: when one has waited longer than <c>after</c>, it samples
/// what the run's database is doing (its busy backends, who waits on whom, the advisory locks: the chain's and the
/// deadline judge's) and where each lane of the group commit is, and writes that to the progress log, up to three times
/// a request. A stall then leaves its cause in the log instead of only a client's timeout (ADR 0183).
/// </summary>
public sealed class StallWatch(string connectionString, GroupCommit group, TextWriter log, TimeSpan after)
{
    private int _samples;

    /// <summary>Samples taken so far (no more than a hundred in a run).</summary>
    public int Samples => _samples;

    public async Task<T> Watch<T>(int request, Task<T> call)
    {
        for (var waited = after; await Task.WhenAny(call, Task.Delay(after)) != call; waited += after)
        {
            if (waited > after * 3 || Interlocked.Increment(ref _samples) > 100) continue;
            try
            {
                log.WriteLine(await Sample(request, waited));
            }
            catch (NpgsqlException e)
            {
                log.WriteLine($"  stall watch: request {request} waited {waited.TotalSeconds:F0} s; the sample failed: {e.Message}");
            }
        }

        return await call;
    }

    private async Task<string> Sample(int request, TimeSpan waited)
    {
        var text = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"  stall watch: request {request} has waited {waited.TotalSeconds:F0} s; group commit: {group.Waiting} queued; {group.State}\n"));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Rows(connection, text, "backend", """
            select a.pid, a.state, coalesce(a.wait_event_type || ':' || a.wait_event, '-'), round(extract(epoch from now() - a.xact_start)::numeric, 1),
                   pg_blocking_pids(a.pid)::text, left(regexp_replace(a.query, '\s+', ' ', 'g'), 140)
            from pg_stat_activity a
            where a.datname = current_database() and a.pid <> pg_backend_pid() and a.state <> 'idle' and a.backend_type = 'client backend'
            order by a.xact_start nulls last
            """);
        await Rows(connection, text, "lock", """
            select l.pid, l.locktype, l.mode, l.granted, coalesce(l.objid::text, l.relation::regclass::text, '-')
            from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where a.datname = current_database() and (l.locktype = 'advisory' or not l.granted)
            order by l.granted, l.pid
            """);
        return text.ToString();
    }

    private static async Task Rows(NpgsqlConnection connection, System.Text.StringBuilder text, string label, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            text.Append("    ").Append(label).Append(' ').AppendJoin(" | ", values).Append('\n');
        }
    }
}
