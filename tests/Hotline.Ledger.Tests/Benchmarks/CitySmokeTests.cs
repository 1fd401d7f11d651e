using Hotline.Ledger.Benchmarks;
using Hotline.Ledger.Benchmarks.City;
using Hotline.Ledger.Benchmarks.Province;
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

    /// <summary>
    /// The province's path at its smallest: two cities of <c>small</c>, each a tenant with a database of its own,
    /// fed side by side through node A, then through nodes A and B in turn, then node A again. Every row is accepted
    /// once in its own city, each city's counts and hash chain check out, its users see only its units, and the
    /// default city gets nothing.
    /// </summary>
    [Fact]
    public async Task Two_small_cities_on_two_nodes_run_through_the_province_benchmark_with_every_check_passing()
    {
        var progress = new StringWriter();
        var figures = await new ProvinceBenchmark(new ProvinceOptions(2, CityScale.Small, 20191220, LedgerApp.ConnectionString, ProvinceBudget.Smoke, progress)).Run();
        output.WriteLine(progress.ToString());
        output.WriteLine(Hotline.Ledger.Benchmarks.Report.ProvinceTable.Render(figures));

        Assert.All(figures.Checks, c => Assert.True(c.Passed, $"{c.What}: {c.Detail}"));
        Assert.Equal(2 * 4 + 1, figures.Checks.Count);
        Assert.Equal(3, figures.Windows.Count);
        // The middle window went through both nodes; each window sent every city's share and was set beside Marten.
        Assert.All(figures.Windows[1].Nodes, n => Assert.True(n.Events > 0, $"node {n.Node} took nothing"));
        Assert.All(figures.Windows, w => Assert.Equal(2 * ProvinceBudget.Smoke.Window, w.Events));
        Assert.All(figures.Windows, w => Assert.Equal(w.Events, w.Marten!.Events));
    }
}
