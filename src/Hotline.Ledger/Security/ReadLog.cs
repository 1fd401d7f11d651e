using System.Collections.Concurrent;
using Marten;

namespace Hotline.Ledger.Security;

/// <summary>
/// Writes read records in shared flushes: a read hands its record over and waits until a flush that holds it
/// has committed, so every answered read is on file (a crash loses none that was answered), but concurrent
/// reads share one transaction and one WAL flush instead of paying one each. One flush runs at a time; the
/// records that arrive while it runs go together in the next. A flush that fails fails each of its reads.
/// </summary>
public sealed class ReadLog(IDocumentStore store)
{
    // Enough for one statement batch; more waiting records go in the next flush straight after.
    private const int MaxFlush = 256;

    private readonly ConcurrentQueue<Pending> _waiting = new();
    private int _flushing;

    public Task WriteAsync(ReadRecord record, CancellationToken cancellation = default)
    {
        var pending = new Pending(record);
        _waiting.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _flushing, 1, 0) == 0) _ = Task.Run(FlushAsync, CancellationToken.None);
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

            try
            {
                await using var session = store.LightweightSession();
                session.Insert(batch.Select(p => p.Record).ToArray());
                await session.SaveChangesAsync(CancellationToken.None);
                foreach (var p in batch) p.Written.TrySetResult();
            }
            catch (Exception e)
            {
                foreach (var p in batch) p.Written.TrySetException(e);
            }

            batch.Clear();
        }
    }

    private sealed record Pending(ReadRecord Record)
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
