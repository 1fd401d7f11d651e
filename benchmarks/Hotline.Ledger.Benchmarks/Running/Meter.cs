namespace Hotline.Ledger.Benchmarks.Running;

/// <summary>Events written and the time spent writing them (generation excluded).</summary>
public sealed class Meter
{
    private long _ticks;

    public long Events { get; private set; }
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, _ticks);
    public double PerSecond => Elapsed > TimeSpan.Zero ? Events / Elapsed.TotalSeconds : 0;

    /// <summary>Adds work timed elsewhere.</summary>
    public void Add(long events, TimeSpan elapsed)
    {
        Events += events;
        _ticks += (long)(elapsed.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
    }

    public async Task<T> Time<T>(int events, Func<Task<T>> work)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await work();
        _ticks += Stopwatch.GetTimestamp() - start;
        Events += events;
        return result;
    }

    public async Task Time(int events, Func<Task> work) => await Time(events, async () => { await work(); return 0; });
}
