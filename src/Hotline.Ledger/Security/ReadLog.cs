using System.Collections.Concurrent;

namespace Hotline.Ledger.Security;

/// <summary>
/// Writes read records in shared flushes: a read hands its record over and waits until a flush that holds it
/// has committed, so every answered read is on file (a crash loses none that was answered), but concurrent
/// reads share one transaction and one WAL flush instead of paying one each. One flush runs at a time; the
/// records that arrive while it runs go together in the next. A flush that fails fails each of its reads.
/// Each record goes to the database of the city its read was in (<see cref="CityScope"/>), whatever city
/// the reader who started the flush was in.
/// </summary>
public sealed class ReadLog(IDocumentStore store)
{
    // Enough for one statement batch; more waiting records go in the next flush straight after.
    private const int MaxFlush = 256;

    private readonly ConcurrentQueue<Pending> _waiting = new();
    private int _flushing;

    public Task WriteAsync(ReadRecord record, CancellationToken cancellation = default)
    {
        var pending = new Pending(record, CityScope.Current);
        _waiting.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _flushing, 1, 0) == 0)
        {
            // The flush serves every city: it must not carry this reader's city scope along.
            using (ExecutionContext.SuppressFlow()) _ = Task.Run(FlushAsync, CancellationToken.None);
        }
        // A reader who gives up stops waiting; the record is still written with its flush.
        return pending.Written.Task.WaitAsync(cancellation);
    }

    private async Task FlushAsync()
    {
        var batch = new List<Pending>(MaxFlush);
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

                    foreach (var p in city) p.Written.TrySetResult();
                }
                catch (Exception e)
                {
                    foreach (var p in city) p.Written.TrySetException(e);
                }
            }

            batch.Clear();
        }
    }

    private sealed record Pending(ReadRecord Record, string? City)
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
