namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>Development aid: the SQL a single POST /api/entries costs.</summary>
public static class EntryTrace
{
    public static async Task Run(string connectionString)
    {
        var scale = CityScale.Small;
        var catalog = new RulebookCatalog(RulebookLoader.LoadBuiltIn());
        var plan = CityPlan.Build(scale, 1);
        var clock = new CityClock(OfficeCalendar.EndOf(scale.Founding.AddDays(-1)));
        var schema = "bench_trace_" + Random.Shared.Next(100000);
        var trace = new SqlTrace();
        var tracing = false;
        var host = await BenchHost.Start(connectionString, schema, clock, o => o.Logger(trace));
        try
        {
            var loader = new LedgerLoader(host.Store, clock, catalog);
            foreach (var op in new CityGenerator(plan, catalog, 1).Timeline().OfType<LedgerOp>().Take(scale.Units + scale.People)) await loader.Add(op);
            await loader.Flush();
            clock.MoveTo(OfficeCalendar.EndOf(new DateOnly(2020, 3, 1)));
            clock.Run();
            using var http = host.Client();
            var person = plan.People[0];
            object Body() => new { clause = "B2.1", unitId = plan.Units[person.UnitOn(new DateOnly(2020, 2, 1))].Id, personId = person.Id, occurredOn = "2020-02-01", reason = "r" };
            for (var i = 0; i < 5; i++) (await http.PostAsJsonAsync("/api/entries", Body())).EnsureSuccessStatusCode();
            trace.Reset(); tracing = true;
            for (var i = 0; i < 10; i++) (await http.PostAsJsonAsync("/api/entries", Body())).EnsureSuccessStatusCode();
            Console.WriteLine($"10 entries: {trace.RoundTrips} Marten round trips, {trace.Commands} commands (tracing {tracing})");
            foreach (var sql in trace.First.Take(12)) Console.WriteLine("  " + sql.Replace('\n', ' ')[..Math.Min(200, sql.Length)]);
        }
        finally
        {
            await host.DisposeAsync();
            await BenchHost.DropSchema(connectionString, schema);
        }
    }
}
