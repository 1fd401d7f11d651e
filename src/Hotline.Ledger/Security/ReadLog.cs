using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hotline.Ledger.Security;

/// <summary>
/// Writes read records in shared flushes: a read hands its record over (<see cref="Start"/>) and, before it answers,
/// waits until a flush that holds it has committed, so every answered read is on file (a crash loses none that was
/// answered), but concurrent reads share one transaction and one WAL flush instead of paying one each. One flush runs
/// at a time; the records that arrive while it runs go together in the next. A flush that fails fails each of its
/// reads. Each record goes to the database of the city its read was in (<see cref="CityScope"/>), whatever city the
/// reader who started the flush was in.
/// </summary>
public sealed class ReadLog(IDocumentStore store, ILogger<ReadLog> logger)
{
    // Enough for one statement batch; more waiting records go in the next flush straight after.
    private const int MaxFlush = 256;

    private readonly ConcurrentQueue<PendingRead> _waiting = new();
    private int _flushing;
    private long _commits;

    /// <summary>Transactions committed so far (one per city in each flush): records per commit shows how much reads share.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Writes the record and waits until it is committed.</summary>
    public Task WriteAsync(ReadRecord record, CancellationToken cancellation = default) =>
        // A reader who gives up stops waiting; the record is still written with its flush.
        Start(record).Written.WaitAsync(cancellation);

    /// <summary>Queues the record for the next flush (starting one if none runs) and returns without waiting for it.</summary>
    public PendingRead Start(ReadRecord record)
    {
        var pending = new PendingRead(record, CityScope.Current);
        _waiting.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _flushing, 1, 0) == 0)
        {
            // The flush serves every city: it must not carry this reader's city scope along.
            using (ExecutionContext.SuppressFlow()) _ = Task.Run(FlushAsync, CancellationToken.None);
        }

        return pending;
    }

    /// <summary>
    /// Marks the record of a read that answered nothing as withdrawn, once its flush is done: the row stays (soft
    /// deleted, with the time of withdrawal) and the read audit no longer lists it. If the withdrawal cannot be
    /// written the record stays listed — an audit that says a read happened when it did not show anything errs on
    /// the safe side — and the refusal the read answers is not turned into a failure.
    /// </summary>
    public async Task WithdrawAsync(PendingRead read)
    {
        try
        {
            await read.Written;
        }
        catch
        {
            return; // Never on file: nothing to withdraw.
        }

        try
        {
            using (CityScope.Enter(read.City))
            {
                await using var session = store.LightweightSession();
                session.Delete<ReadRecord>(read.Record.Id);
                await session.SaveChangesAsync(CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The read record {Id} of a read that answered nothing could not be withdrawn", read.Record.Id);
        }
    }

    private async Task FlushAsync()
    {
        var batch = new List<PendingRead>(MaxFlush);
        while (true)
        {
            while (batch.Count < MaxFlush && _waiting.TryDequeue(out var next)) batch.Add(next);
            if (batch.Count == 0)
            {
                Volatile.Write(ref _flushing, 0);
                // A record queued after the last look and before the release would wait for nobody: look again.
                if (_waiting.IsEmpty || Interlocked.CompareExchange(ref _flushing, 1, 0) != 0) return;
                continue;
            }

            foreach (var city in batch.GroupBy(p => p.City))
            {
                try
                {
                    using (CityScope.Enter(city.Key))
                    {
                        await using var session = store.LightweightSession();
                        session.Insert(city.Select(p => p.Record).ToArray());
                        await session.SaveChangesAsync(CancellationToken.None);
                    }

                    Interlocked.Increment(ref _commits);
                    foreach (var p in city) p.Committed();
                }
                catch (Exception e)
                {
                    foreach (var p in city) p.Failed(e);
                }
            }

            batch.Clear();
        }
    }
}
