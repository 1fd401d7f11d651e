using System.Data.Common;
using Npgsql;

namespace Hotline.Ledger.Chain;

/// <summary>
/// Seals events whose chained columns the appending statement itself returned (<see cref="ChainedEvent.Columns"/>,
/// in its order), so the seal reads no event back: the rows come with the append's own result, their canonical
/// content is built there, outside the chain's lock. The lock and the head's read are the last statements of the
/// same batch (<see cref="QueueLockAndHead"/>), so at commit only the links are hashed and inserted, in one
/// statement. Same lock, head, canonical form and links as <see cref="ChainSealer"/> (ADR 0011): the lock is held
/// from the head's read to the commit, so commit order is still chain order, with no unsealed window.
/// </summary>
public sealed class ReturnedEventsSeal(string schema, int expected) : ITransactionParticipant
{
    private readonly string _chain = ChainStorage.Qualified(schema);
    private List<(long Sequence, byte[] Canonical)> _events = new(expected);
    private (long Position, byte[] Hash)? _head;

    /// <summary>
    /// Queues the chain's lock and then the read of its head as two statements of the session's batch, to be queued
    /// after every statement that locks rows another sealer may hold (<see cref="ChainLinks.QueueLockAndHead"/>).
    /// </summary>
    public void QueueLockAndHead(IDocumentOperations session) => ChainLinks.QueueLockAndHead(session, schema, head => _head = head);

    /// <summary>
    /// Takes the rows the append returned. Marten may run its batch again in a fresh transaction after a transient
    /// failure: the rows of the last run are the ones that commit, so each run replaces the last.
    /// </summary>
    public async Task TakeAsync(DbDataReader reader, CancellationToken token) => _events = await ChainLinks.ReadReturnedAsync(reader, token);

    public Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token)
    {
        if (_events.Count != expected)
            throw new InvalidOperationException($"Sealing found {_events.Count} of the {expected} events this commit appends.");
        if (expected == 0) return Task.CompletedTask;

        // Read under the lock, which is held to the end of the transaction: the next sealer reads our head only once we have committed.
        if (_head is not { } head)
            throw new InvalidOperationException("The chain's head was not read under its lock in this commit's batch; the case events could not be sealed.");
        return ChainLinks.LinkAsync(connection, transaction, _chain, head, _events, token);
    }

    public Task AfterCommitAsync(CancellationToken token) => Task.CompletedTask;
}
