using Hotline.Ledger.Benchmarks.Baselines;

namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>
/// <c>--single-entries [small|medium] [entries] [rounds]</c>: only the benchmark's single-entries part. The first
/// year's ledger facts (no cases) are loaded, then each round posts the entries from 32 clients
/// (<c>POST /api/entries</c>) and appends as many raw Marten single events from 32 writers, one after the
/// other, each with the load average beside it and the group commit's phases (<see cref="GroupCommitPhases"/>).
/// </summary>
public static class SingleEntriesTrial
{
    private const int Clients = 32;
    private const int Seed = 20191220;

    public static async Task Run(string connectionString, CityScale scale, int entries, int rounds)
    {
        var catalog = new RulebookCatalog(RulebookLoader.LoadBuiltIn());
        var plan = CityPlan.Build(scale, Seed);
        var clock = new CityClock(OfficeCalendar.EndOf(scale.Founding.AddDays(-1)));
        var schema = $"bench_single_{Random.Shared.Next(100000):D5}";
        var host = await BenchHost.Start(connectionString, schema, clock);
        RawMarten? raw = null;
        try
        {
            var firstCheckpoint = OfficeCalendar.EndOf(new DateOnly(scale.FirstYear + 1, 1, 19));
            var loader = new LedgerLoader(host.Store, clock, catalog);
            var facts = 0;
            foreach (var op in new CityGenerator(plan, catalog, Seed).Timeline().TakeWhile(o => o.RecordedAt < firstCheckpoint).OfType<LedgerOp>())
            {
                await loader.Add(op);
                facts++;
            }

            await loader.Flush();
            clock.MoveTo(firstCheckpoint);
            clock.Run();
            var today = new DateOnly(scale.FirstYear + 1, 1, 20);
            Console.Error.WriteLine($"schema {schema}: {facts:N0} ledger facts of {scale.FirstYear} loaded ({scale.Name}: {scale.Units} units, {scale.People} people)");

            using var http = host.Client(connections: 64);
            raw = await RawMarten.Create(connectionString, schema + "_mq", host.Store);
            var next = 0;
            // HOTLINE_BENCH_KEYS=true sends every entry with its own Idempotency-Key, as the web screens do (ADR 0187).
            var keyed = Environment.GetEnvironmentVariable("HOTLINE_BENCH_KEYS") == "true";
            var run = Guid.NewGuid().ToString("N")[..8];
            var watch = new StallWatch(connectionString, host.Service<Hotline.Ledger.Storage.GroupCommit>(), Console.Error, TimeSpan.FromSeconds(5));
            async Task<bool> Post(int _)
            {
                var i = Interlocked.Increment(ref next);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/entries") { Content = JsonContent.Create(SingleEntryRequests.Body(plan, Seed, today, i)) };
                if (keyed) request.Headers.Add("Idempotency-Key", $"bench-{run}-{i}");
                using var reply = await watch.Watch(i, http.SendAsync(request));
                if (reply.StatusCode == HttpStatusCode.Created) return true;
                Console.Error.WriteLine($"  refused: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
                return false;
            }

            Task<Latencies> Raw(Bound bound) => raw.AppendOneAtATime(Clients, bound, i =>
            {
                var id = Guid.CreateVersion7();
                return (id, new EntryRecorded(id, "xinyang-2019", "B2.1", plan.Units[i % plan.Units.Count].Id, null, today.AddDays(-1), 2m,
                    "基准测试：单条录入", [], null, CityGenerator.Office));
            });

            // Warm both paths (the JIT, the pools, PostgreSQL's caches) before anything is timed.
            var warm = new Bound(Math.Min(500, entries), TimeSpan.FromSeconds(60));
            await Loop.Run(Clients, warm, Post);
            await Raw(warm);

            using var phases = new GroupCommitPhases();
            var bound = new Bound(entries, TimeSpan.FromSeconds(120));
            Console.WriteLine($"| round | single entries/s | p50 / p99 ms | raw Marten appends/s | raw p50 / p99 ms | ratio | load average before → after |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            var reports = new List<string>();
            for (var round = 1; round <= rounds; round++)
            {
                var load = LoadAverage();
                phases.Reset();
                var ledger = await Loop.Run(Clients, bound, Post);
                reports.Add(phases.Report(ledger.Count));
                var baseline = await Raw(bound);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {round} | {ledger.PerSecond:N0} ({ledger.Count:N0}, {ledger.Failures} failed) | {ledger.P50:F1} / {ledger.P99:F1} | {baseline.PerSecond:N0} | {baseline.P50:F1} / {baseline.P99:F1} | {ledger.PerSecond / baseline.PerSecond:P0} | {load} → {LoadAverage()} |"));
            }

            for (var round = 1; round <= reports.Count; round++)
            {
                Console.WriteLine();
                Console.WriteLine($"Phases of round {round} (milliseconds; batch phases per batch, step and entry phases per write):");
                Console.WriteLine();
                Console.Write(reports[round - 1]);
            }
        }
        finally
        {
            if (raw is not null) await raw.DisposeAsync();
            await host.DisposeAsync();
            await BenchHost.DropSchema(connectionString, schema);
            await BenchHost.DropSchema(connectionString, schema + "_mq");
        }
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
    }
}
