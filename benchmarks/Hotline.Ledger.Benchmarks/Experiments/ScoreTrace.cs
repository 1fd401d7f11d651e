using System.Text.Json;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;

namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>
/// Development aid: on a kept five-year benchmark schema, the benchmark's two sets of score probes — those of the
/// one-year run (the first year, known up to its 20 January) and those of the five-year run (any year, known up to
/// the city's today) — asked over HTTP, then each step of the same reads apart, in process and one after another (the
/// subject, its entries, its marks, its counters, the card, its JSON), with the rows each step returned: what grows
/// with the years of history is named by measurement, not guessed (ADR 0197). Last, the counts read alone beside the
/// statement it replaced, with the pages each touched (ADR 0211).
/// </summary>
public static class ScoreTrace
{
    public static async Task Run(string connectionString, string schema, string scaleName, int probes, bool firstYear = false)
    {
        await using var city = await KeptCity.Open(connectionString, schema, scaleName, firstYear);
        var (scale, plan, now, clock, host, http, catalog) = (city.Scale, city.Plan, city.Now, city.Clock, city.Host, city.Http, city.Catalog);
        var firstYearNow = OfficeCalendar.EndOf(new DateOnly(scale.FirstYear + 1, 1, 19));
        var sets = new[]
        {
            ("one-year probes", CityBenchmark.ScoreUrls(plan, scale.FirstYear, scale.FirstYear, firstYearNow, 20191221, probes + 20)),
            ("five-year probes", CityBenchmark.ScoreUrls(plan, scale.FirstYear, scale.LastYear, now, 20191222, probes + 20)),
        };
        for (var round = 0; round < 2; round++)
            foreach (var (label, urls) in sets)
            {
                foreach (var u in urls.Take(20)) (await http.GetAsync(u)).Dispose();
                var lat = await Loop.Run(1, new Bound(probes, TimeSpan.FromMinutes(3)), async i =>
                {
                    using var reply = await http.GetAsync(urls[20 + i]);
                    await reply.Content.ReadAsByteArrayAsync();
                    return reply.StatusCode == HttpStatusCode.OK;
                });
                Console.WriteLine($"HTTP {label}: p50 {lat.P50:F1} / p95 {lat.P95:F1} / max {lat.Max:F1} ms ({lat.Count} ok, {lat.Failures} failed)");
            }

        // Units and people apart: a unit's year has twenty times a person's counter rows at city scale.
        foreach (var (label, urls) in sets)
            foreach (var kind in new[] { "/api/units/", "/api/people/" })
            {
                var some = urls.Skip(20).Where(u => u.StartsWith(kind, StringComparison.Ordinal)).ToList();
                var lat = await Loop.Run(1, new Bound(some.Count, TimeSpan.FromMinutes(2)), async i =>
                {
                    using var reply = await http.GetAsync(some[i]);
                    await reply.Content.ReadAsByteArrayAsync();
                    return reply.StatusCode == HttpStatusCode.OK;
                });
                Console.WriteLine($"HTTP {label}, {kind.Split('/')[2]} only: p50 {lat.P50:F1} / p95 {lat.P95:F1} / max {lat.Max:F1} ms ({lat.Count} ok, {lat.Failures} failed)");
            }

        foreach (var (label, urls) in sets)
        {
            var steps = new Dictionary<string, List<double>>();
            var rows = new Dictionary<string, List<double>>();
            foreach (var url in urls.Skip(20))
                await Steps(host, catalog, url, steps, rows);
            Console.WriteLine($"in process, {label}:");
            foreach (var (step, ms) in steps)
            {
                var l = Latencies.Of(ms, 0, TimeSpan.Zero);
                Console.WriteLine($"  {step,-9} p50 {l.P50,6:F2} / p95 {l.P95,6:F2} ms; rows mean {(rows.TryGetValue(step, out var r) ? r.Average() : 0),8:F1}, max {(rows.TryGetValue(step, out var m) ? m.Max() : 0),6:F0}");
            }
        }

        // A score's counts read alone, this statement beside the one before it (ADR 0211).
        foreach (var (label, urls) in sets)
            await CountsStatementTrace.Run(host, label, urls.Skip(20));

        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static async Task Steps(BenchHost host, RulebookCatalog catalog, string url, Dictionary<string, List<double>> steps, Dictionary<string, List<double>> rows)
    {
        var path = url.Split('?')[0].Split('/');
        var unit = path[2] == "units";
        var id = Guid.Parse(path[3]);
        var query = System.Web.HttpUtility.ParseQueryString(url.Split('?')[1]);
        var (q, _) = ScoreQuery.Parse(query["year"], query["asOf"], query["knownAt"], TimeProvider.System);
        var kind = unit ? SubjectKind.Unit : SubjectKind.Person;
        await using var session = host.Store.QuerySession();
        var w = Stopwatch.StartNew();
        void Step(string name, int count)
        {
            (steps.TryGetValue(name, out var s) ? s : steps[name] = []).Add(w.Elapsed.TotalMilliseconds);
            (rows.TryGetValue(name, out var r) ? r : rows[name] = []).Add(count);
            w.Restart();
        }

        var name = unit ? (await session.LoadAsync<Unit>(id))!.Name : (await session.LoadAsync<Person>(id))!.Name;
        Step("subject", 1);
        var last = q!.LastCountedDay;
        var entries = unit
            ? await session.Query<Entry>().Where(e => e.UnitId == id && e.Year == q.Year && e.OccurredOn <= last && e.RecordedAt <= q.KnownAt).ToListAsync()
            : await session.Query<Entry>().Where(e => e.PersonId == id && e.Year == q.Year && e.OccurredOn <= last && e.RecordedAt <= q.KnownAt).ToListAsync();
        Step("entries", entries.Count);
        var marks = await session.Query<Mark>().Where(m => m.SubjectId == id && m.Year == q.Year && m.RecordedAt <= q.KnownAt).ToListAsync();
        Step("marks", marks.Count);
        var counts = await RateReader.CountsOf(session, kind, id, q);
        Step(unit ? "counters (unit)" : "counters (person)", counts.Assigned);
        var card = Scorecards.Compute(catalog.ForScoring(q.Year, q.AsOf)!, kind, new ScoreSubject(unit ? "unit" : "person", id, name, null), q, entries, marks, counts);
        Step("compute", card.Entries.Count);
        var json = JsonSerializer.SerializeToUtf8Bytes(card, JsonSerializerOptions.Web);
        Step("json", json.Length / 1024);
    }
}
