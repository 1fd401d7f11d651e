using Hotline.Ledger.Benchmarks.Report;

namespace Hotline.Ledger.Benchmarks;

/// <summary>
/// <c>dotnet run --project benchmarks/Hotline.Ledger.Benchmarks -c Release -- [small|medium|city] [--seed N] [--keep-schema] [--first-year]</c>,
/// or <c>-- province [--cities N] [--city-scale small|medium|city] [--window N] [--seed N] [--keep-schema]</c>,
/// or <c>-- --rebuild SCHEMA [both|one-pass|daemon] [VARIANT…]</c> (only the rebuilds, on a kept schema),
/// or <c>-- --trace-fold SCHEMA [ROUNDS]</c> (the case fold alone, in memory, on a kept schema),
/// or <c>-- --trace-json SCHEMA [ROUNDS]</c> (the rebuild's case JSON alone, both ways, in memory, on a kept schema):
/// one run, one table on standard output (progress on standard error); exit code 1 when a correctness check failed.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Hotline") ?? Hotline.Ledger.Api.Hosting.HotlineHost.DefaultConnectionString;
        if (args is ["--trace-feed", var b, ..]) { await Hotline.Ledger.Benchmarks.Experiments.FeedTrace.Run(connectionString, int.Parse(b), args is [_, _, "http"]); return 0; }
        if (args is ["--trace-feed-city", var memory, var feedEvents, ..])
        {
            await Hotline.Ledger.Benchmarks.Experiments.CityFeedTrace.Run(connectionString, memory, int.Parse(feedEvents, System.Globalization.CultureInfo.InvariantCulture), args is [_, _, _, "http"]);
            return 0;
        }
        if (args is ["--trace-entry"]) { await Hotline.Ledger.Benchmarks.Experiments.EntryTrace.Run(connectionString); return 0; }
        if (args is ["--rebuild-trial", var trialSchema, var variant]) { await Hotline.Ledger.Benchmarks.Experiments.RebuildTrial.Run(connectionString, trialSchema, variant); return 0; }
        if (args is ["--trace-fold", var foldSchema, .. var foldRounds])
        {
            await Hotline.Ledger.Benchmarks.Experiments.FoldTrace.Run(connectionString, foldSchema, foldRounds is [{ } rounds, ..] ? int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture) : 3);
            return 0;
        }

        if (args is ["--trace-json", var jsonSchema, .. var jsonRounds])
        {
            await Hotline.Ledger.Benchmarks.Experiments.JsonTrace.Run(connectionString, jsonSchema, jsonRounds is [{ } rounds, ..] ? int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture) : 3);
            return 0;
        }

        if (args is ["--rebuild", var rebuildSchema, .. var rebuildWhich])
            return await Hotline.Ledger.Benchmarks.Experiments.RebuildRun.Run(connectionString, rebuildSchema, rebuildWhich is [var w, ..] ? w : "both", rebuildWhich.Skip(1).ToList());
        if (args is ["--trace-ranking", var rankSchema, var rankYear, var probes]) { await Hotline.Ledger.Benchmarks.Experiments.RankingTrace.Run(connectionString, rankSchema, int.Parse(rankYear), int.Parse(probes)); return 0; }
        if (args is ["--trace-reads", var fySchema, var fyScale, var fyProbes, "first-year"]) { await Hotline.Ledger.Benchmarks.Experiments.ReadsTrace.Run(connectionString, fySchema, fyScale, int.Parse(fyProbes), firstYear: true); return 0; }
        if (args is ["--trace-score", var fyScoreSchema, var fyScoreScale, var fyScoreProbes, "first-year"]) { await Hotline.Ledger.Benchmarks.Experiments.ScoreTrace.Run(connectionString, fyScoreSchema, fyScoreScale, int.Parse(fyScoreProbes), firstYear: true); return 0; }
        if (args is ["--trace-reads", var readSchema, var readScale, var readProbes]) { await Hotline.Ledger.Benchmarks.Experiments.ReadsTrace.Run(connectionString, readSchema, readScale, int.Parse(readProbes)); return 0; }
        if (args is ["--trace-score", var scoreSchema, var scoreScale, var scoreProbes]) { await Hotline.Ledger.Benchmarks.Experiments.ScoreTrace.Run(connectionString, scoreSchema, scoreScale, int.Parse(scoreProbes)); return 0; }
        if (args is ["--read-audit", var r]) { await Hotline.Ledger.Benchmarks.Experiments.ReadAuditTrial.Run(connectionString, int.Parse(r)); return 0; }
        if (args is ["--single-entries", .. var single])
        {
            await Hotline.Ledger.Benchmarks.Experiments.SingleEntriesTrial.Run(connectionString, CityScale.Parse(single.Length > 0 ? single[0] : "small"),
                single.Length > 1 ? int.Parse(single[1], System.Globalization.CultureInfo.InvariantCulture) : 4_000,
                single.Length > 2 ? int.Parse(single[2], System.Globalization.CultureInfo.InvariantCulture) : 2);
            return 0;
        }

        if (args is ["--trace-load", var n]) { await Hotline.Ledger.Benchmarks.Experiments.LoadTrace.Run(connectionString, int.Parse(n)); return 0; }

        if (args is ["province", ..]) return await Province(connectionString, args[1..]);

        var scale = CityScale.Small;
        var seed = 20191220;
        var keep = false;
        var firstYear = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seed": seed = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--keep-schema": keep = true; break;
                case "--first-year": firstYear = true; break;
                default: scale = CityScale.Parse(args[i]); break;
            }
        }

        var figures = await new CityBenchmark(new BenchmarkOptions(scale, seed, connectionString, Budget.For(scale), Console.Error, keep, firstYear)).Run();
        Console.Out.Write(FiguresTable.Render(figures));
        return figures.AllChecksPassed ? 0 : 1;
    }

    /// <summary>Several cities, each a tenant with its own database, on two API nodes (docs/benchmarks.md, "Province").</summary>
    private static async Task<int> Province(string connectionString, string[] args)
    {
        var cities = 4;
        var scale = CityScale.Medium;
        var seed = 20191220;
        var keep = false;
        int? window = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--cities": cities = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--city-scale": scale = CityScale.Parse(args[++i]); break;
                case "--window": window = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--keep-schema": keep = true; break;
                default: throw new ArgumentException($"Unknown province option '{args[i]}': --cities N, --city-scale small|medium|city, --window N, --seed N, --keep-schema.");
            }
        }

        var budget = Hotline.Ledger.Benchmarks.Province.ProvinceBudget.For(scale);
        if (window is { } w) budget = budget with { Window = w, WarmUp = Math.Max(100, w / 4) };
        var figures = await new Hotline.Ledger.Benchmarks.Province.ProvinceBenchmark(
            new Hotline.Ledger.Benchmarks.Province.ProvinceOptions(cities, scale, seed, connectionString, budget, Console.Error, keep)).Run();
        Console.Out.Write(ProvinceTable.Render(figures));
        return figures.AllChecksPassed ? 0 : 1;
    }
}
