using System.Collections.Concurrent;

namespace Hotline.Ledger.Benchmarks.Measures;

/// <summary>A loop bounded in count and in time: whichever comes first ends it.</summary>
public sealed record Bound(int Count, TimeSpan Time);

/// <summary>
/// Runs an operation from <c>clients</c> concurrent workers until the bound is reached, timing each
/// call. An operation answers false (or throws) when its result was wrong: that counts as a failure.
/// </summary>
public static class Loop
{
    public static async Task<Latencies> Run(int clients, Bound bound, Func<int, Task<bool>> operation)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var next = -1;
        var started = Stopwatch.StartNew();

        async Task Worker()
        {
            while (started.Elapsed < bound.Time)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= bound.Count) return;
                var t = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await operation(i); }
                catch (Exception) { ok = false; }
                if (ok) latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                else Interlocked.Increment(ref failures);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(Worker)));
        return Latencies.Of(latencies, failures, started.Elapsed);
    }
}
