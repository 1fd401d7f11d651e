using Hotline.Ledger.Registry.Units;

namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>
/// Development aid: times each read of the ranking of all units (ADR 0042) on a kept benchmark schema, for
/// random points of <paramref name="year"/>, so that the slow part is named rather than guessed (ADR 0047).
/// </summary>
public static class RankingTrace
{
    public static async Task Run(string connectionString, string schema, int year, int probes)
    {
        var now = OfficeCalendar.EndOf(new DateOnly(year + 1, 1, 19));
        var clock = new CityClock(now);
        await using var host = await BenchHost.Start(connectionString, schema, clock);
        var catalog = host.Service<RulebookCatalog>();
        var caughtUp = Stopwatch.StartNew();
        var taken = await CounterCheckpoints.CatchUp(host.Store, SubjectKind.Unit, year);
        Console.WriteLine($"catch-up: {taken} checkpoints taken in {caughtUp.Elapsed.TotalSeconds:F1} s");
        var rng = new Random(7);
        for (var i = 0; i < probes; i++)
        {
            var (_, asOf, knownAt) = CityBenchmark.Point(rng, year, year, now);
            var q = new ScoreQuery(year, asOf, knownAt);
            var rulebook = catalog.ForScoring(year, asOf)!;
            await using var session = host.Store.QuerySession();
            var parts = new List<string>();
            async Task<T> Timed<T>(string name, Func<Task<T>> read)
            {
                var w = Stopwatch.StartNew();
                var result = await read();
                parts.Add($"{name} {w.Elapsed.TotalMilliseconds:F1}");
                return result;
            }

            var whole = Stopwatch.StartNew();
            await Timed("units", async () => await session.Query<Unit>().Where(u => u.RegisteredAt <= q.KnownAt).ToListAsync());
            await Timed("entry sums", () => RankingSums.EntriesByUnit(session, q));
            var marks = await Timed("marks", () => RankingSums.Marks(session, SubjectKind.Unit, q));
            await Timed("counts", () => RateReader.CountsOfAll(session, SubjectKind.Unit, q));
            var sum = whole.Elapsed.TotalMilliseconds;
            whole.Restart();
            var ranked = await Ranking.Units(session, rulebook, q);
            Console.WriteLine($"asOf {asOf:yyyy-MM-dd} knownAt {knownAt:yyyy-MM-dd HH:mm}: {string.Join(", ", parts)} (sum {sum:F1}; {marks.Count} marks) | Ranking.Units {whole.Elapsed.TotalMilliseconds:F1} ms, {ranked.Count} units");
        }
    }
}
