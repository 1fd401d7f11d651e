using Hotline.Ledger.Benchmarks;
using Hotline.Ledger.Benchmarks.City;
using Hotline.Ledger.Tests.Support;
using Xunit.Abstractions;

namespace Hotline.Ledger.Tests.Benchmarks;

/// <summary>
/// The CI smoke test of the benchmark (docs/benchmarks.md): the whole run at the small scale, with
/// loops of a handful, on its own Kestrel host and schema. Correctness only — no timing is asserted:
/// what was generated is in the store once, the baselines appended the very same events, the SQL
/// rankings equal the in-memory ones, and after both rebuilds every row and every answer is identical.
/// </summary>
[Trait("Category", "Smoke")]
public class CitySmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_small_city_runs_through_the_benchmark_with_every_check_passing()
    {
        var progress = new StringWriter();
        var figures = await new CityBenchmark(new BenchmarkOptions(CityScale.Small, 20191220, LedgerApp.ConnectionString, Budget.Smoke, progress)).Run();
        output.WriteLine(progress.ToString());
        output.WriteLine(Hotline.Ledger.Benchmarks.Report.FiguresTable.Render(figures));

        Assert.All(figures.Checks, c => Assert.True(c.Passed, $"{c.What}: {c.Detail}"));
        Assert.Contains(figures.Checks, c => c.What.Contains("bulk rebuild", StringComparison.Ordinal));
        Assert.Contains(figures.Checks, c => c.What.Contains("in-memory ranking", StringComparison.Ordinal));
        Assert.True(figures.LedgerEvents > 2_000 && figures.CaseEventsGenerated > 10_000, $"{figures.LedgerEvents} ledger, {figures.CaseEventsGenerated} case events");
        Assert.Equal(0, figures.SingleEntries!.Failures);
        Assert.Equal(0, figures.ScoreAll!.Failures + figures.ScoreFirst!.Failures + figures.Ranking!.Failures);
    }
}
