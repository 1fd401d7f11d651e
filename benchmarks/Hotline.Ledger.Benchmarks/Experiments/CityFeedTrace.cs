using System.Diagnostics.Metrics;

namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>
/// Development aid: the case feed over the first <c>events</c> case events of a <c>city</c> year (the benchmark's
/// seed and batches of 1,000), each batch followed by Marten's quick append of the same rows into a scratch schema,
/// with the feed's memory of written files (<see cref="CaseFileMemory"/>) set to one variant: its capacity in files
/// (0 = off) and, with <c>-open</c>, completed cases not kept. Prints the same-run ratio and the memory's hits,
/// misses and emptyings and the feed's phases per window of 100,000 events and in all, and the bytes the memory held at the end.
/// Runs on a fresh schema of its own and drops it.
/// </summary>
public static class CityFeedTrace
{
    private const int Window = 100_000;

    public static async Task Run(string connectionString, string variant, int events, bool viaHttp)
    {
        var open = variant.EndsWith("-open", StringComparison.Ordinal);
        CaseFileMemory.Capacity = int.Parse(open ? variant[..^5] : variant, CultureInfo.InvariantCulture);
        CaseFileMemory.KeepsCompleted = !open;
        CaseFileMemory.Forget();

        var scale = CityScale.City;
        const int seed = 20191220;
        var catalog = new RulebookCatalog(RulebookLoader.LoadBuiltIn());
        var plan = CityPlan.Build(scale, seed);
        var clock = new CityClock(OfficeCalendar.EndOf(scale.Founding.AddDays(-1)));
        var schema = "bench_cityfeed_" + Random.Shared.Next(100000);
        var host = await BenchHost.Start(connectionString, schema, clock);
        var raw = await Baselines.RawMarten.Create(connectionString, schema + "_raw", host.Store);

        long hits = 0, misses = 0, emptyings = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) => { if (i.Meter.Name == CaseFileMemory.MeterName) l.EnableMeasurementEvents(i); },
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) =>
        {
            if (i.Name.EndsWith(".hits", StringComparison.Ordinal)) Interlocked.Add(ref hits, v);
            else if (i.Name.EndsWith(".misses", StringComparison.Ordinal)) Interlocked.Add(ref misses, v);
            else Interlocked.Add(ref emptyings, v);
        });
        listener.Start();
        var phases = new Dictionary<string, TimeSpan>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = a => a.Name == CaseFeedPhases.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => { lock (phases) phases[a.DisplayName] = phases.GetValueOrDefault(a.DisplayName) + a.Duration; },
        };
        ActivitySource.AddActivityListener(activities);

        Console.WriteLine($"city feed trace: memory {variant}, {events:N0} events, {(viaHttp ? "HTTP" : "in process")}, schema {schema}, load {File.ReadAllText("/proc/loadavg")[..14]}");
        try
        {
            var loader = new LedgerLoader(host.Store, clock, catalog);
            using var http = host.Client();
            var driver = new CaseFeedDriver(http, host.Service<CaseFeed>(), clock);
            var rawOps = new List<CityOp>();
            TimeSpan feedAll = TimeSpan.Zero, rawAll = TimeSpan.Zero, feedWin = TimeSpan.Zero, rawWin = TimeSpan.Zero;
            long h0 = 0, m0 = 0, e0 = 0, sent = 0, peak = 0;
            var watch = new Stopwatch();
            foreach (var op in new CityGenerator(plan, catalog, seed).Timeline())
            {
                if (op is LedgerOp l) { await loader.Add(l); continue; }
                if (op is not CaseOp c) continue;
                rawOps.Add(c);
                sent++;
                if (!driver.Add(c, viaHttp) && sent < events) continue;
                await loader.Flush();
                watch.Restart();
                await driver.Flush();
                var feed = watch.Elapsed;
                var same = await raw.AppendInBatches(rawOps);
                rawOps.Clear();
                feedWin += feed;
                rawWin += same.Elapsed;
                peak = Math.Max(peak, CaseFileMemory.Count);
                if (sent % Window != 0 && sent < events) continue;

                var (h, m, e) = (Interlocked.Read(ref hits), Interlocked.Read(ref misses), Interlocked.Read(ref emptyings));
                Console.WriteLine($"  to {sent,9:N0}: feed ÷ append {rawWin / feedWin:F2} (feed {feedWin.TotalSeconds:F1} s, append {rawWin.TotalSeconds:F1} s); " +
                                  $"memory hits {h - h0:N0}, misses {m - m0:N0} ({Rate(h - h0, m - m0)}), emptyings {e - e0}, holds {CaseFileMemory.Count:N0}; load {File.ReadAllText("/proc/loadavg")[..14]}");
                lock (phases)
                {
                    Console.WriteLine("    phases, ms a batch: " + string.Join(", ", phases.Select(p => $"{p.Key} {p.Value.TotalMilliseconds * 1000 / Window:F0}")) + " (seal is inside save)");
                    phases.Clear();
                }

                (h0, m0, e0) = (h, m, e);
                feedAll += feedWin;
                rawAll += rawWin;
                feedWin = rawWin = TimeSpan.Zero;
                if (sent >= events) break;
            }

            var held = GC.GetTotalMemory(forceFullCollection: true);
            var count = CaseFileMemory.Count;
            CaseFileMemory.Forget();
            held -= GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine($"all {sent:N0}: feed ÷ append {rawAll / feedAll:F2} (feed {sent / feedAll.TotalSeconds:N0}/s, append {sent / rawAll.TotalSeconds:N0}/s); " +
                              $"memory hits {hits:N0}, misses {misses:N0} ({Rate(hits, misses)}), emptyings {emptyings}, peak {peak:N0} files, " +
                              $"{count:N0} files held {held / 1048576.0:F0} MB at the end; accepted {driver.Accepted:N0}, rejected {driver.Rejected}, retries {driver.Retries}");
        }
        finally
        {
            await raw.DisposeAsync();
            await host.DisposeAsync();
            await BenchHost.DropSchema(connectionString, schema + "_raw");
            await BenchHost.DropSchema(connectionString, schema);
        }
    }

    private static string Rate(long hits, long misses) => hits + misses == 0 ? "no stored file read" : $"hit rate {100.0 * hits / (hits + misses):F0} %";
}
