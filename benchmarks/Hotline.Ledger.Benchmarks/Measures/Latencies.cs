namespace Hotline.Ledger.Benchmarks.Measures;

/// <summary>Latencies of one loop, in milliseconds, with nearest-rank percentiles.</summary>
public sealed record Latencies(int Count, int Failures, TimeSpan Elapsed, double P50, double P95, double P99, double Max)
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Count / Elapsed.TotalSeconds : 0;

    public static Latencies Of(IReadOnlyCollection<double> millis, int failures, TimeSpan elapsed)
    {
        var sorted = millis.Order().ToArray();
        double Rank(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Latencies(sorted.Length, failures, elapsed, Rank(0.50), Rank(0.95), Rank(0.99), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }
}
