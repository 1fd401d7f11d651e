namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>Development aid: loads the first ledger operations of a small city and shows what SQL they cost.</summary>
public static class LoadTrace
{
    public static async Task Run(string connectionString, int ops)
    {
        var scale = CityScale.Small;
        var catalog = new RulebookCatalog(RulebookLoader.LoadBuiltIn());
        var plan = CityPlan.Build(scale, 1);
        var clock = new CityClock(OfficeCalendar.EndOf(scale.Founding.AddDays(-1)));
        var schema = "bench_trace_" + Random.Shared.Next(100000);
        var host = await BenchHost.Start(connectionString, schema, clock);
        try
        {
            var trace = new SqlTrace();
            var loader = new LedgerLoader(host.Store, clock, catalog, batchSize: 1000);
            var gen = new CityGenerator(plan, catalog, 1);
            var n = 0;
            foreach (var op in gen.Timeline().OfType<LedgerOp>().Take(ops))
            {
                // The registry first, untraced; then one traced batch.
                if (n++ == 100) { await loader.Flush(); loader.Trace = trace; }
                await loader.Add(op);
            }

            await loader.Flush();
            Console.WriteLine($"{n} ops: {trace.RoundTrips} round trips, {trace.Commands} commands, {loader.Meter.PerSecond:N0}/s");
            foreach (var sql in trace.First) Console.WriteLine("  " + sql.Replace('\n', ' ')[..Math.Min(300, sql.Length)]);
        }
        finally
        {
            await host.DisposeAsync();
            await BenchHost.DropSchema(connectionString, schema);
        }
    }
}
