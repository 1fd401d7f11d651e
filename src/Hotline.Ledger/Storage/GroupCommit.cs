using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Hotline.Ledger.Chain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hotline.Ledger.Storage;

/// <summary>What one request's step in a group commit decided: its answer, and whether its writes are kept.</summary>
public sealed record GroupOutcome<T>(T Value, bool Keep)
{
    /// <summary>The step's writes commit with the batch; the answer is given once they have.</summary>
    public static GroupOutcome<T> Kept(T value) => new(value, true);

    /// <summary>The step's writes are rolled back to its savepoint; the answer still waits for the batch.</summary>
    public static GroupOutcome<T> Discarded(T value) => new(value, false);
}

/// <summary>The batch's connection and transaction, as one step sees them, inside its own savepoint.</summary>
public sealed record GroupStep(NpgsqlConnection Connection, NpgsqlTransaction Transaction);

/// <summary>
/// A write that can share one session with the other writes of its kind in its batch, so that the lot is one
/// round trip: <see cref="Stage"/> puts the write into the shared session (no I/O) and answers what the write's
/// outcome will be once the session has saved. If the shared save fails — a claim taken meanwhile, two writes of
/// the batch claiming the same — the batch runs again with every write alone in its savepoint, where the one at
/// fault fails alone.
/// </summary>
public sealed record JointWrite<T>(IJointSessions Sessions, Func<IDocumentSession, Func<T>> Stage);

/// <summary>Opens the session a batch's joint writes of one kind share (<see cref="JointWrite{T}"/>).</summary>
public interface IJointSessions
{
    /// <summary>A session writing through the batch's transaction, and what to do once the batch has committed.</summary>
    JointSession Open(GroupStep step);
}

/// <summary>
/// A batch's shared session, its work after the commit (sending the notices it stored, say), and its work once
/// every write is staged and before the one save (queueing statements that write the staged writes together).
/// </summary>
public sealed record JointSession(IDocumentSession Session, Func<Task> Committed, Func<Task>? Staged = null);

/// <summary>
/// Group commit (docs/adr/0120-group-commit-for-single-entries.md): concurrent writes queue here and one
/// writer runs them in batches, each batch in one transaction: every step inside its own savepoint (a step
/// that fails is rolled back alone, the others stay), the events the kept steps appended sealed into the
/// hash chain in one step, one commit and so one WAL flush for the lot. Every step is answered only after
/// its batch has committed — or failed, when nothing of it was written — so no answer ever speaks of
/// uncommitted data. One writer per city (each city's database holds its own chain), running one batch at a
/// time by default or several (<c>Hotline:GroupCommit:Writers</c>, each on its own connection); batches of
/// several lanes or several nodes are ordered by the chain's lock in PostgreSQL, held from the seal to the
/// commit (docs/adr/0115-several-nodes-on-one-database.md), so commit order is chain order and the chain never forks.
/// </summary>
public sealed class GroupCommit(CityDatabase db, IConfiguration config, ILogger<GroupCommit> log) : BackgroundService
{
    private readonly string _schema = SchemaOf(config);
    private readonly ChainSealer _sealer = new(SchemaOf(config));

    // A batch of joint writes only, whose statements return what the chain hashes, takes the chain's lock and reads its
    // head as the last statements of its save, and leaves only the links' insert to the seal (ADR 0203).
    private readonly bool _sealInSave = config.GetValue("Hotline:GroupCommit:SealInSave", true);
    private readonly int _maxBatch = Math.Max(1, config.GetValue("Hotline:GroupCommit:MaxBatch", 64));
    private const int Attempts = 3;

    private static string SchemaOf(IConfiguration config) => config["Hotline:Schema"] ?? "hotline";

    // One writer per city's database, as each city has its own hash chain (ADR 0110); started on its first write.
    private readonly ConcurrentDictionary<string, Writer> _writers = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>How many batches of one city may be in flight at once, each on its own connection (ADR 0196).</summary>
    // Their seals and commits are ordered by the chain's lock, as several nodes' are. One by default: two halved the
    // batches without a measured gain on this machine (ADR 0182).
    public int Lanes { get; } = Math.Max(1, config.GetValue("Hotline:GroupCommit:Writers", 1));

    /// <summary>Writes queued for the next batches, not yet begun, in every city.</summary>
    public int Waiting => _writers.Values.Sum(w => w.Waiting);

    /// <summary>
    /// Where each lane of each city's writer is and for how long it has been there ("lane 0: seal 1.2 s"), for a probe
    /// that samples a request waiting longer than it should beside the database's locks (ADR 0183).
    /// </summary>
    public string State => string.Join("; ", _writers.Select(w => $"{w.Key}: {w.Value.State}"));

    /// <summary>
    /// Runs <paramref name="work"/> in the next batch of the city in scope and answers once that batch has
    /// committed. The work may run more than once (a batch that lost a race before committing is run again
    /// whole), so it must build everything it writes afresh each time.
    /// </summary>
    public Task<T> RunAsync<T>(Func<GroupStep, Task<GroupOutcome<T>>> work, JointWrite<T>? joint = null)
    {
        var city = CityScope.Current;
        var writer = _writers.GetOrAdd(CityScope.Key, _ => new Writer(this, city));
        return writer.Enqueue(work, joint);
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping: every city's writer finishes the batch it began and refuses what is still queued.
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(_writers.Values.Select(w => w.Running));
    }

    /// <summary>
    /// A stop that does not wait (its token already cancelled) leaves a batch in progress behind: it is cut off
    /// here, so that its transaction ends with the host rather than holding its keys and claims for ever.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken);
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested) await CutOpenBatchesAsync();
        }
    }

    public override void Dispose()
    {
        // The last moment the city's data source is still open (the store is disposed after this service).
        Task.Run(CutOpenBatchesAsync).GetAwaiter().GetResult();
        base.Dispose();
    }

    /// <summary>
    /// Ends every batch still open, from outside its writer: PostgreSQL terminates the batch's backend and rolls
    /// its transaction back, nothing of it is written and its steps are answered with the failure (their clients
    /// retry with their keys). A batch's writer may be waiting on a service of a host that is gone and never send
    /// another statement; without this, its idle transaction would hold its keys until the connection died.
    /// </summary>
    private async Task CutOpenBatchesAsync()
    {
        foreach (var writer in _writers.Values)
        {
            if (writer.Running.IsCompleted) continue;
            foreach (var open in writer.OpenBatches)
                await CutAsync(open);
        }
    }

    private async Task CutAsync(OpenBatch open)
    {
        try
        {
            await using var connection = await open.Source.OpenConnectionAsync(CancellationToken.None);
            await using var terminate = new NpgsqlCommand("select pg_terminate_backend($1, 10000)", connection);
            // Waits (up to 10 s) until the backend has gone, its transaction rolled back.
            terminate.Parameters.AddWithValue(open.Backend);
            await terminate.ExecuteNonQueryAsync(CancellationToken.None);
            log.LogWarning("A group-commit batch still open when its host stopped was cut off; none of it was written");
        }
        catch (Exception e) when (e is NpgsqlException or ObjectDisposedException or InvalidOperationException)
        {
            // The database or its data source is gone already: so is the batch's connection, and its transaction with it.
            log.LogWarning(e, "A group-commit batch still open when its host stopped could not be cut off");
        }
    }

    /// <summary>The backend of a batch in progress and the data source it came from.</summary>
    private sealed record OpenBatch(NpgsqlDataSource Source, int Backend);

    private sealed class Writer
    {
        private readonly Channel<Step> _queue;
        private readonly GroupCommit _group;
        private readonly OpenBatch?[] _open;
        private readonly (string Phase, long Since)[] _phases;
        private int _waiting;

        public Writer(GroupCommit group, string? city)
        {
            _group = group;
            _open = new OpenBatch?[group.Lanes];
            _phases = Enumerable.Repeat(("idle", Stopwatch.GetTimestamp()), group.Lanes).ToArray();
            _queue = Channel.CreateUnbounded<Step>(new UnboundedChannelOptions { SingleReader = group.Lanes == 1 });
            // Not the first request's flow: the writer outlives it and belongs to the city alone.
            using (ExecutionContext.SuppressFlow())
                Running = Task.WhenAll(Enumerable.Range(0, group.Lanes).Select(lane => Task.Run(async () =>
                {
                    using (CityScope.Enter(city)) await RunAsync(lane, group._stopping.Token);
                })));
        }

        public Task Running { get; }

        /// <summary>The batches this writer has open (read by a stop, from another thread).</summary>
        public IEnumerable<OpenBatch> OpenBatches =>
            Enumerable.Range(0, _open.Length).Select(lane => Volatile.Read(ref _open[lane])).OfType<OpenBatch>().ToList();

        public int Waiting => Volatile.Read(ref _waiting);

        public string State
        {
            get
            {
                lock (_phases)
                    return string.Join(", ", _phases.Select((p, lane) =>
                        $"lane {lane}: {p.Phase} {Stopwatch.GetElapsedTime(p.Since).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s"));
            }
        }

        private void Mark(int lane, string phase)
        {
            lock (_phases) _phases[lane] = (phase, Stopwatch.GetTimestamp());
        }

        public Task<T> Enqueue<T>(Func<GroupStep, Task<GroupOutcome<T>>> work, JointWrite<T>? joint)
        {
            var step = new Step<T>(work, joint);
            Interlocked.Increment(ref _waiting);
            if (_queue.Writer.TryWrite(step)) return step.Answer;
            Interlocked.Decrement(ref _waiting);
            throw new InvalidOperationException("The ledger is stopping and takes no more writes; send the request again.");
        }

        private async Task RunAsync(int lane, CancellationToken stopping)
        {
            var batch = new List<Step>(_group._maxBatch);
            try
            {
                while (await _queue.Reader.WaitToReadAsync(stopping))
                {
                    while (batch.Count < _group._maxBatch && _queue.Reader.TryRead(out var step))
                    {
                        Interlocked.Decrement(ref _waiting);
                        batch.Add(step);
                    }

                    // Not the stopping token: a batch begun is committed or rolled back whole, and answered.
                    GroupCommitMeter.BatchSize.Record(batch.Count);
                    await _group.CommitAsync(batch, open => Volatile.Write(ref _open[lane], open), phase => Mark(lane, phase));
                    Volatile.Write(ref _open[lane], null);
                    Mark(lane, "idle");
                    batch.Clear();
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Stopping: what is still queued is refused below.
            }
            finally
            {
                _queue.Writer.TryComplete();
                var stopped = new InvalidOperationException("The ledger stopped before this write was made; nothing was written. Send the request again.");
                foreach (var step in batch) step.Fail(stopped);
                while (_queue.Reader.TryRead(out var left)) left.Fail(stopped);
            }
        }
    }

    private async Task CommitAsync(List<Step> batch, Action<OpenBatch?> opened, Action<string> at)
    {
        // Joint writes share a session, one round trip for all, until a shared save fails in this batch.
        var together = batch.Any(s => s.Joint is not null);
        for (var attempt = 1; ; attempt++)
        {
            var kept = new List<DeferredSeal>(batch.Count);
            var committed = new List<Func<Task>>();
            // Read under the chain's lock in the last joint save, when no step runs alone after it.
            var head = new ChainHead();
            NpgsqlConnection? connection = null;
            NpgsqlTransaction? transaction = null;
            try
            {
                var phase = Stopwatch.GetTimestamp();
                var source = db.Current;
                at($"open ({batch.Count} writes, attempt {attempt})");
                connection = await source.OpenConnectionAsync(CancellationToken.None);
                opened(new OpenBatch(source, connection.ProcessID));
                transaction = await connection.BeginTransactionAsync(CancellationToken.None);
                GroupCommitMeter.Record(GroupCommitMeter.Batch, "open", phase);
                phase = Stopwatch.GetTimestamp();
                var alone = batch;
                if (together)
                {
                    alone = batch.Where(s => s.Joint is null).ToList();
                    at("joint save");
                    if (!await TryJointAsync(connection, transaction, batch, kept, committed, alone.Count == 0 && _sealInSave ? head : null, at))
                    {
                        // One of them would not go in with the others: the batch runs again, each write in its
                        // own savepoint, where the one at fault fails alone. Not a lost race: no attempt spent.
                        opened(null);
                        await DisposeAsync(connection, transaction);
                        together = false;
                        attempt--;
                        continue;
                    }

                    GroupCommitMeter.Record(GroupCommitMeter.Batch, "joint", phase);
                    phase = Stopwatch.GetTimestamp();
                }

                // How the previous step ended travels with the next statement: one round trip fewer a step.
                at($"steps ({alone.Count} alone)");
                var ending = "";
                foreach (var step in alone)
                {
                    var started = Stopwatch.GetTimestamp();
                    step.Begun(started);
                    await ExecuteAsync(connection, transaction, ending + "savepoint step");
                    GroupCommitMeter.Record(GroupCommitMeter.Step, "savepoint", started);
                    started = Stopwatch.GetTimestamp();
                    var seal = new DeferredSeal(connection);
                    bool keep;
                    try
                    {
                        using (DeferredSeal.Collect(seal))
                            keep = await step.RunAsync(new GroupStep(connection, transaction));
                    }
                    catch (Exception e)
                    {
                        // If the rollback fails too, the connection is gone: the whole batch fails below.
                        step.Failed(e);
                        keep = false;
                    }

                    GroupCommitMeter.Record(GroupCommitMeter.Step, "work", started);
                    ending = keep ? "release savepoint step; " : "rollback to savepoint step; release savepoint step; ";
                    if (keep) kept.Add(seal);
                }

                GroupCommitMeter.Record(GroupCommitMeter.Batch, "steps", phase);
                phase = Stopwatch.GetTimestamp();
                if (ending.Length > 0) await ExecuteAsync(connection, transaction, ending);
                at("seal");
                if (head.Read is { } read)
                {
                    // The lock is held since the head's read: only the links, over the rows the statements returned.
                    var returned = kept.SelectMany(s => s.Returned).ToList();
                    var appended = kept.Sum(s => s.Events.Count);
                    if (returned.Count != appended)
                        throw new InvalidOperationException($"Sealing found {returned.Count} of the {appended} events this batch appends.");
                    if (appended > 0) await ChainLinks.LinkAsync(connection, transaction, ChainStorage.Qualified(_schema), read, returned, CancellationToken.None);
                }
                else
                {
                    await _sealer.SealAsync(connection, transaction,
                        kept.SelectMany(s => s.Streams).Distinct().ToArray(), kept.SelectMany(s => s.Events).ToArray(), CancellationToken.None);
                }

                GroupCommitMeter.Record(GroupCommitMeter.Batch, "seal", phase);
            }
            catch (Exception e)
            {
                // Nothing of this batch was committed. A lost race is run again whole; anything else is the
                // answer of every step in it (their clients retry, with their keys).
                opened(null);
                await DisposeAsync(connection, transaction);
                if (attempt < Attempts && StoreConflicts.IsConflict(e))
                {
                    log.LogInformation(e, "A group commit of {Count} writes lost a race and runs again", batch.Count);
                    continue;
                }

                log.LogError(e, "A group commit of {Count} writes failed; none was written", batch.Count);
                foreach (var step in batch) step.Fail(e);
                return;
            }

            try
            {
                var committing = Stopwatch.GetTimestamp();
                at("commit");
                await transaction.CommitAsync(CancellationToken.None);
                GroupCommitMeter.Record(GroupCommitMeter.Batch, "commit", committing);
            }
            catch (Exception e)
            {
                // The commit's fate is unknown here: each client is told so (500), and a retry with its key finds out.
                log.LogError(e, "The commit of a group of {Count} writes failed", batch.Count);
                opened(null);
                await DisposeAsync(connection, transaction);
                foreach (var step in batch) step.Fail(e);
                return;
            }

            opened(null);
            await DisposeAsync(connection, transaction);
            at("after the commit (the batch's notices)");
            foreach (var after in committed)
            {
                try
                {
                    await after();
                }
                catch (Exception e)
                {
                    // The writes are committed and their messages stored with them: the outbox's recovery sends them.
                    log.LogWarning(e, "Work after a group commit failed; its stored messages are sent by the outbox's recovery");
                }
            }

            foreach (var step in batch) step.Settle();
            return;
        }
    }

    /// <summary>
    /// The joint writes of the batch, each kind in one shared session saved in one round trip; false (and the
    /// transaction unusable) if a save or a staging failed. Given a <paramref name="head"/> (no step of the batch runs
    /// after the joint saves), the last save also takes the chain's lock and reads its head, after everything else it
    /// writes, if every kind's statements return what the chain hashes.
    /// </summary>
    private async Task<bool> TryJointAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Step> batch, List<DeferredSeal> kept, List<Func<Task>> committed, ChainHead? head, Action<string> at)
    {
        try
        {
            var kinds = batch.Where(s => s.Joint is not null).GroupBy(s => s.Joint!).ToList();
            foreach (var kind in kinds)
            {
                var seal = new DeferredSeal(connection);
                var joint = kind.Key.Open(new GroupStep(connection, transaction));
                await using (joint.Session)
                {
                    if (GroupCommitMeter.Batch.Enabled) joint.Session.Logger = new JointSaveTrace();
                    var finish = new List<Action>();
                    foreach (var step in kind)
                    {
                        step.Begun(Stopwatch.GetTimestamp());
                        finish.Add(step.Stage(joint.Session));
                    }

                    using (DeferredSeal.Collect(seal))
                    {
                        if (joint.Staged is { } staged) await staged();
                        // The lock last, after every row lock the batch takes (ADR 0048's order), as at commit before.
                        if (head is not null && ReferenceEquals(kind, kinds[^1]) && seal.Returning && kept.All(k => k.Returning))
                        {
                            ChainLinks.QueueLockAndHead(joint.Session, _schema, read => head.Read = read);
                            // Where a batch waiting on the chain's lock now waits, for the stall watch.
                            at("seal in the joint save (the chain's lock last)");
                        }

                        await joint.Session.SaveChangesAsync(CancellationToken.None);
                    }

                    foreach (var done in finish) done();
                }

                kept.Add(seal);
                committed.Add(joint.Committed);
            }

            return true;
        }
        catch (Exception e) when (connection.FullState == System.Data.ConnectionState.Open && !_stopping.IsCancellationRequested)
        {
            // A statement refused (a claim or a key taken, a trigger): the batch is sent back to one by one. A batch
            // cut off (its backend terminated by a stop) or a stopping host is not run again: it fails whole, below.
            log.LogDebug(e, "A joint save of a group commit failed; its writes run again one by one");
            return false;
        }
    }

    /// <summary>The chain's head, once a joint save has read it under the chain's lock.</summary>
    private sealed class ChainHead
    {
        public (long Position, byte[] Hash)? Read { get; set; }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static async Task DisposeAsync(NpgsqlConnection? connection, NpgsqlTransaction? transaction)
    {
        try
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection is gone: PostgreSQL has rolled the transaction back itself.
        }

        if (connection is not null) await connection.DisposeAsync();
    }

    private abstract class Step
    {
        private readonly long _asked = Stopwatch.GetTimestamp();
        private long _begun;

        public abstract Task<bool> RunAsync(GroupStep step);

        /// <summary>The sessions this step can share with others of its kind, if it can.</summary>
        public abstract IJointSessions? Joint { get; }

        /// <summary>Puts the step's write into a shared session; the action takes its outcome once that session has saved.</summary>
        public abstract Action Stage(IDocumentSession session);

        /// <summary>The step's batch reached it: how long it waited in the queue and behind the steps before it.</summary>
        public void Begun(long now)
        {
            if (_begun == 0) GroupCommitMeter.Record(GroupCommitMeter.Step, "queued", _asked);
            _begun = now;
        }

        /// <summary>From the step's start to its answer: the rest of its batch, the seal and the commit.</summary>
        protected void Answered()
        {
            if (_begun != 0) GroupCommitMeter.Record(GroupCommitMeter.Step, "settled", _begun);
        }

        /// <summary>The step's own failure, rolled back to its savepoint; answered with the batch.</summary>
        public abstract void Failed(Exception e);

        /// <summary>The batch committed: the step's outcome (or its own failure) is its answer.</summary>
        public abstract void Settle();

        /// <summary>The batch failed: nothing was written, whatever the step decided.</summary>
        public abstract void Fail(Exception e);
    }

    private sealed class Step<T>(Func<GroupStep, Task<GroupOutcome<T>>> work, JointWrite<T>? joint) : Step
    {
        private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private GroupOutcome<T>? _outcome;
        private Exception? _failure;

        public Task<T> Answer => _answer.Task;

        public override async Task<bool> RunAsync(GroupStep step)
        {
            _outcome = null;
            _failure = null;
            _outcome = await work(step);
            return _outcome.Keep;
        }

        public override IJointSessions? Joint => joint?.Sessions;

        public override Action Stage(IDocumentSession session)
        {
            _outcome = null;
            _failure = null;
            var outcome = joint!.Stage(session);
            return () => _outcome = GroupOutcome<T>.Kept(outcome());
        }

        public override void Failed(Exception e) => _failure = e;

        public override void Settle()
        {
            Answered();
            if (_failure is not null) _answer.TrySetException(_failure);
            else if (_outcome is not null) _answer.TrySetResult(_outcome.Value);
            else _answer.TrySetException(new InvalidOperationException("A step of the group commit gave no outcome."));
        }

        public override void Fail(Exception e) => _answer.TrySetException(e);
    }
}
