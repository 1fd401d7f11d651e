using NpgsqlTypes;

namespace Hotline.Ledger.Benchmarks.Baselines;

/// <summary>
/// Baseline 2, the near-physical limit here: Npgsql binary COPY of the same payloads (the JSON the
/// ledger's serializer writes) into a plain table with a primary key and nothing else.
/// </summary>
public static class BinaryCopy
{
    public static async Task<Meter> Load(string connectionString, string schema, IDocumentStore ledger, IEnumerable<CityOp> ops, int batchSize = 1_000)
    {
        var serializer = ledger.Options.Serializer();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using (var create = new NpgsqlCommand(
            $"create schema if not exists \"{schema}\"; create table \"{schema}\".events (seq bigint primary key, stream_id uuid not null, " +
            "type text not null, data jsonb not null, recorded_at timestamptz not null)", conn))
            await create.ExecuteNonQueryAsync();

        var meter = new Meter();
        var batch = new List<(Guid Stream, object Event, DateTimeOffset At)>(batchSize);
        long seq = 0;
        async Task Flush()
        {
            await meter.Time(batch.Count, async () =>
            {
                await using var copy = await conn.BeginBinaryImportAsync(
                    $"copy \"{schema}\".events (seq, stream_id, type, data, recorded_at) from stdin (format binary)");
                foreach (var (stream, e, at) in batch)
                {
                    // Serialising is part of what an append does, so it is inside the timed share.
                    await copy.StartRowAsync();
                    await copy.WriteAsync(++seq, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(stream, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(e.GetType().Name, NpgsqlDbType.Text);
                    await copy.WriteAsync(serializer.ToJson(e), NpgsqlDbType.Jsonb);
                    await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                }

                await copy.CompleteAsync();
            });
            batch.Clear();
        }

        foreach (var op in ops)
        {
            var (stream, e) = op switch
            {
                LedgerOp l => (l.StreamId, l.Event),
                CaseOp c => (c.CaseStream, (object)c.Event),
                _ => throw new InvalidOperationException(),
            };
            batch.Add((stream, e, op.RecordedAt));
            if (batch.Count >= batchSize) await Flush();
        }

        if (batch.Count > 0) await Flush();
        return meter;
    }
}
