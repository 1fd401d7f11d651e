using System.Diagnostics;

namespace Hotline.Ledger.Storage;

/// <summary>
/// One phase of a rebuild and the wall-clock time spent in it. The reader's phases (read, fold, hand-off) add up to
/// the pass; the writer's (one per table) run beside them, so the two columns overlap (ADR 0207).
/// </summary>
public sealed record RebuildPhase(string Name, TimeSpan Elapsed, long Count);

/// <summary>Time per phase, gathered from the reader and the writer: how a rebuild is measured rather than guessed.</summary>
internal sealed class RebuildTrace
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (long Ticks, long Count)> _phases = [];

    public void Add(string phase, long ticks, long count = 1)
    {
        lock (_phases)
        {
            if (!_phases.TryGetValue(phase, out var had)) _order.Add(phase);
            _phases[phase] = (had.Ticks + ticks, had.Count + count);
        }
    }

    public long Now => Stopwatch.GetTimestamp();

    /// <summary>Adds the time since <paramref name="started"/> (a <see cref="Now"/>) to the phase.</summary>
    public void Since(string phase, long started, long count = 1) => Add(phase, Stopwatch.GetTimestamp() - started, count);

    public async Task<T> Time<T>(string phase, Func<Task<T>> step)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await step();
        Since(phase, started);
        return result;
    }

    public IReadOnlyList<RebuildPhase> Phases
    {
        get
        {
            lock (_phases)
                return _order.Select(p => new RebuildPhase(p, Stopwatch.GetElapsedTime(0, _phases[p].Ticks), _phases[p].Count)).ToList();
        }
    }
}
