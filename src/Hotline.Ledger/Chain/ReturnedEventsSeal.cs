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
    private readonly long _lockKey = ChainStorage.LockKey(schema);
    private readonly List<(long Sequence, byte[] Canonical)> _events = new(expected);
    private (long Position, byte[] Hash)? _head;

    /// <summary>
    /// Queues the chain's lock and then the read of its head as two statements of the session's batch, to be queued
    /// after every statement that locks rows another sealer may hold (the lock is taken last, as at commit). Two
    /// statements, not one: the head's read takes its snapshot only once the lock is granted, so it sees the head
    /// the last holder committed.
    /// </summary>
    public void QueueLockAndHead(IDocumentOperations session)
    {
        session.QueueOperation(new Statement($"select pg_advisory_xact_lock({_lockKey})", (_, _) => Task.CompletedTask));
        session.QueueOperation(new Statement(ChainLinks.HeadSql(_chain), async (reader, token) => _head = await ChainLinks.ReadHeadAsync(reader, token)));
    }

    /// <summary>
    /// Takes the rows the append returned. Marten may run its batch again in a fresh transaction after a transient
    /// failure: the rows of the last run are the ones that commit, so each run replaces the last.
    /// </summary>
    public async Task TakeAsync(DbDataReader reader, CancellationToken token)
    {
        _events.Clear();
        if (reader is not NpgsqlDataReader rows)
            throw new InvalidOperationException($"The append's rows came as {reader.GetType().Name}; the case events could not be sealed.");
        while (await rows.ReadAsync(token))
        {
            var e = ChainedEvent.Read(rows, 0);
            _events.Add((e.Sequence, e.Canonical()));
        }
    }

    public async Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token)
    {
        if (_events.Count != expected)
            throw new InvalidOperationException($"Sealing found {_events.Count} of the {expected} events this commit appends.");
        if (expected == 0) return;
        // The chain takes a commit's events in their log order, as the read-back of ChainSealer does.
        _events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));

        // Read under the lock, which is held to the end of the transaction: the next sealer reads our head only once we have committed.
        if (_head is not { } head)
            throw new InvalidOperationException("The chain's head was not read under its lock in this commit's batch; the case events could not be sealed.");
        var (position, previous) = head;

        var sequences = new long[_events.Count];
        var hashes = new string[_events.Count];
        for (var i = 0; i < _events.Count; i++)
        {
            // Over the canonical content built before the lock.
            previous = ChainedEvent.Link(previous, _events[i].Canonical);
            sequences[i] = _events[i].Sequence;
            hashes[i] = Convert.ToHexStringLower(previous);
        }

        await ChainLinks.InsertAsync(connection, transaction, _chain, position, sequences, hashes, token);
    }

    public Task AfterCommitAsync(CancellationToken token) => Task.CompletedTask;

    /// <summary>A statement of Marten's batch that hands its result to <paramref name="read"/>.</summary>
    private sealed class Statement(string sql, Func<DbDataReader, CancellationToken, Task> read) : Marten.Internal.Operations.IStorageOperation
    {
        public Type DocumentType => typeof(Marten.Storage.StorageFeatures);

        public void ConfigureCommand(Weasel.Postgresql.ICommandBuilder builder, Weasel.Storage.IStorageSession session) => builder.Append(sql);

        public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => read(reader, token);

        public Weasel.Core.OperationRole Role() => Weasel.Core.OperationRole.Other;
    }
}
