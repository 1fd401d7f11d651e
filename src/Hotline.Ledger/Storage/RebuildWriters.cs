using System.Threading.Channels;

namespace Hotline.Ledger.Storage;

/// <summary>
/// The rebuild's writers: rows ready for a table are copied in by a task beside the reader, so that PostgreSQL copies
/// one batch while the next is folded; one writer per table (each its own connection) so that the case files'
/// COPY and the counters' run side by side, or one for all (ADR 0041, ADR 0207); a table written in several lanes has a
/// writer per lane (ADR 0191).
/// </summary>
internal sealed class RebuildWriters(RebuildTrace trace, bool perTable, CancellationToken ct)
{
    private readonly Dictionary<string, (Channel<RebuildWrite> Queue, Task Writer)> _writers = [];

    public async ValueTask Write(RebuildWrite write)
    {
        var key = perTable ? Phase(write) : "";
        (Channel<RebuildWrite> Queue, Task Writer) writer;
        lock (_writers)
        {
            if (!_writers.TryGetValue(key, out writer))
            {
                var queue = Channel.CreateBounded<RebuildWrite>(new BoundedChannelOptions(4) { SingleReader = true });
                _writers[key] = writer = (queue, Task.Run(() => Drain(queue), ct));
            }
        }

        var started = trace.Now;
        await writer.Queue.Writer.WriteAsync(write, ct);
        trace.Since("hand-off (writer behind)", started);
    }

    /// <summary>No more rows: waits for every writer to finish.</summary>
    public async Task Complete()
    {
        List<Task> writers;
        lock (_writers)
        {
            foreach (var (queue, _) in _writers.Values) queue.Writer.TryComplete();
            writers = _writers.Values.Select(w => w.Writer).ToList();
        }

        await Task.WhenAll(writers);
    }

    private static string Phase(RebuildWrite write) => write.Lane == 0 ? write.Table : $"{write.Table} (lane {write.Lane + 1})";

    private async Task Drain(Channel<RebuildWrite> queue)
    {
        try
        {
            await foreach (var write in queue.Reader.ReadAllAsync(ct))
            {
                var started = trace.Now;
                await write.Run();
                trace.Since($"write {Phase(write)}", started);
            }
        }
        catch (Exception failure)
        {
            // The reader must not wait forever on a queue no one drains: its next hand-off fails with this.
            queue.Writer.TryComplete(failure);
            throw;
        }
    }
}
