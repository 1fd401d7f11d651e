using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using Hotline.Ledger.Storage;

namespace Hotline.Ledger.Benchmarks.Measures;

/// <summary>
/// Listens to the group commit's meter (<see cref="GroupCommitMeter"/>) while a loop runs and tells where a
/// batch and a single entry spend their time: each phase's count, mean, p50, p99 and its total per entry.
/// </summary>
public sealed class GroupCommitPhases : IDisposable
{
    private readonly MeterListener _listener = new();
    private ConcurrentDictionary<string, ConcurrentQueue<double>> _values = new();

    public GroupCommitPhases()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GroupCommitMeter.Name) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Forgets what was recorded so far: the next report covers what follows.</summary>
    public void Reset() => _values = new();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var phase = "";
        foreach (var tag in tags)
            if (tag.Key == "phase") phase = (string?)tag.Value ?? "";
        var name = instrument.Name.Replace("hotline.", "", StringComparison.Ordinal);
        _values.GetOrAdd(phase.Length == 0 ? name : $"{name} {phase}", _ => new ConcurrentQueue<double>()).Enqueue(value);
    }

    /// <summary>A Markdown table of every phase; <paramref name="entries"/> spreads each phase's total over the entries written.</summary>
    public string Report(int entries)
    {
        var text = new StringBuilder("| phase | count | mean | p50 | p99 | total per entry |\n|---|---|---|---|---|---|\n");
        foreach (var (name, queue) in _values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var sorted = queue.Order().ToArray();
            double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
            var perEntry = entries > 0 ? sorted.Sum() / entries : double.NaN;
            text.Append(CultureInfo.InvariantCulture,
                $"| {name} | {sorted.Length:N0} | {sorted.Average():F2} | {Rank(0.5):F2} | {Rank(0.99):F2} | {perEntry:F3} |\n");
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();
}
