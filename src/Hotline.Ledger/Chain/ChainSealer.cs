using Npgsql;

namespace Hotline.Ledger.Chain;

/// <summary>
/// Seals a session's events into the chain inside the same transaction that appends them: the events
/// and their links commit together or not at all, so there is never an unsealed window to tamper in,
/// and an event that reaches mt_events by any other road stays unsealed and is reported.
/// </summary>
public sealed class ChainSealer(string schema) : ITransactionParticipant
{
    private readonly string _chain = ChainStorage.Qualified(schema);
    private readonly string _events = $"\"{schema}\".mt_events";
    private readonly long _lockKey = ChainStorage.LockKey(schema);

    /// <summary>The events the coming commit appends, and their streams; set before each save.</summary>
    public (Guid[] Streams, Guid[] Events) Pending { get; set; } = ([], []);

    public Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token)
    {
        var (streams, events) = Pending;
        return SealAsync(connection, transaction, streams, events, token);
    }

    /// <summary>
    /// Seals <paramref name="events"/> (appended on <paramref name="streams"/> in this transaction) into the chain:
    /// one lock, one read of the head, one read of the events, one insert, however many events, in two round trips
    /// (docs/adr/0182-the-seal-in-two-round-trips-and-lanes-measured.md).
    /// </summary>
    public async Task SealAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] streams, Guid[] events, CancellationToken token)
    {
        if (events.Length == 0) return;

        // One round trip for the lock (held to the end of the transaction: the next sealer reads our head only once
        // we have committed), then, under it, the chain's head and the events to seal. PostgreSQL runs a batch's
        // statements one after another and each takes its own snapshot (READ COMMITTED) when it starts, after the one
        // before has finished, so the head is read after the lock is granted and is the head the previous holder committed.
        long position;
        byte[] previous;
        var sequences = new List<long>(events.Length);
        var hashes = new List<string>(events.Length);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("select pg_advisory_xact_lock($1)") { Parameters = { new() { Value = _lockKey } } });
            batch.BatchCommands.Add(new NpgsqlBatchCommand(ChainLinks.HeadSql(_chain)));
            // mt_events has no index on id; the stream narrows the search through (stream_id, version).
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                $"select {ChainedEvent.Columns} from {_events} e where e.stream_id = any($1) and e.id = any($2) order by e.seq_id")
            {
                Parameters = { new() { Value = streams }, new() { Value = events } },
            });
            await using var reader = await batch.ExecuteReaderAsync(token);
            await reader.NextResultAsync(token);
            (position, previous) = await ChainLinks.ReadHeadAsync(reader, token);
            await reader.NextResultAsync(token);
            while (await reader.ReadAsync(token))
            {
                var e = ChainedEvent.Read(reader, 0);
                previous = e.Link(previous);
                sequences.Add(e.Sequence);
                hashes.Add(Convert.ToHexStringLower(previous));
            }
        }

        if (sequences.Count != events.Length)
            throw new InvalidOperationException($"Sealing found {sequences.Count} of the {events.Length} events this commit appends.");

        await ChainLinks.InsertAsync(connection, transaction, _chain, position, sequences.ToArray(), hashes.ToArray(), token);
    }

    public Task AfterCommitAsync(CancellationToken token)
    {
        Pending = ([], []);
        return Task.CompletedTask;
    }
}
