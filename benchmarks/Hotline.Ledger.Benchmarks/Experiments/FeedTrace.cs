namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>Development aid: what one case-feed batch of 1,000 rows costs, in time and in SQL.</summary>
public static class FeedTrace
{
    public static async Task Run(string connectionString, int batches)
    {
        var scale = CityScale.Medium;
        var catalog = new RulebookCatalog(RulebookLoader.LoadBuiltIn());
        var plan = CityPlan.Build(scale, 1);
        var clock = new CityClock(OfficeCalendar.EndOf(scale.Founding.AddDays(-1)));
        var schema = "bench_trace_" + Random.Shared.Next(100000);
        var counting = new SqlTrace();
        var host = await BenchHost.Start(connectionString, schema, clock, o => o.Logger(counting));
        try
        {
            var loader = new LedgerLoader(host.Store, clock, catalog);
            using var http = host.Client();
            var driver = new CaseFeedDriver(http, host.Service<CaseFeed>(), clock);
            var sent = 0;
            var watch = new Stopwatch();
            var cpu = TimeSpan.Zero;
            var raw = await Hotline.Ledger.Benchmarks.Baselines.RawMarten.Create(connectionString, schema + "_raw", host.Store);
            var rawOps = new List<CityOp>();
            foreach (var op in new CityGenerator(plan, catalog, 1).Timeline())
            {
                if (op is LedgerOp l) { await loader.Add(l); continue; }
                if (op is not CaseOp c) continue;
                if (sent >= 10) rawOps.Add(c);
                if (!driver.Add(c, viaHttp: false)) continue;
                await loader.Flush();
                if (++sent == 10) { counting.Reset(); watch.Reset(); rawOps.Clear(); }
                if (sent <= 10) { await driver.Flush(); continue; }
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                watch.Start();
                await driver.Flush();
                watch.Stop();
                cpu += Process.GetCurrentProcess().TotalProcessorTime - before;
                if (sent == 10 + batches) break;
            }

            Console.WriteLine($"{batches} batches of 1,000: {watch.Elapsed.TotalMilliseconds / batches:F0} ms each, {batches * 1000 / watch.Elapsed.TotalSeconds:N0} rows/s; " +
                              $"{counting.RoundTrips / (double)batches:F1} Marten round trips a batch; accepted {driver.Accepted}, rejected {driver.Rejected}");
            Console.WriteLine($"  .NET CPU {cpu.TotalMilliseconds / batches:F0} ms a batch");
            var rawCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var rawMeter = await raw.AppendInBatches(rawOps);
            Console.WriteLine($"  raw .NET CPU {(Process.GetCurrentProcess().TotalProcessorTime - rawCpu).TotalMilliseconds / batches:F0} ms a batch");
            await using (var q = host.Store.QuerySession())
            {
                var files = await q.Query<Hotline.Ledger.Cases.CaseFile>().Take(1000).ToListAsync();
                var ser = host.Store.Options.Serializer();
                var t = Stopwatch.StartNew();
                var bytes = 0L;
                for (var i = 0; i < 10; i++) foreach (var f in files) bytes += ser.ToJson(f).Length;
                Console.WriteLine($"  serialising 1,000 case files: {t.Elapsed.TotalMilliseconds / 10:F1} ms ({bytes / 10 / Math.Max(1, files.Count)} chars each)");
                t.Restart();
                for (var i = 0; i < 10; i++) foreach (var f in files) { var d = f.Derive(); f.Refresh(d); }
                Console.WriteLine($"  deriving 1,000 case files: {t.Elapsed.TotalMilliseconds / 10:F1} ms");
            }
            Console.WriteLine($"  raw Marten, same {rawMeter.Events:N0} rows: {rawMeter.Elapsed.TotalMilliseconds / batches:F0} ms a batch, {rawMeter.PerSecond:N0}/s");
            await raw.DisposeAsync();
            await BenchHost.DropSchema(connectionString, schema + "_raw");
            foreach (var (kind, n) in counting.Kinds.OrderByDescending(k => k.Value).Take(15))
                Console.WriteLine($"  {n / (double)batches,8:F1}  {kind}");
        }
        finally
        {
            await host.DisposeAsync();
            await BenchHost.DropSchema(connectionString, schema);
        }
    }
}
