using Hotline.Ledger.Cases;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;

namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>
/// Development aid: on a kept benchmark schema (<c>--keep-schema</c>), times the reads the office waits for —
/// the warnings (and the start page on them), a score, a ranking — over HTTP as the benchmark asks them, and
/// each read inside them in process, so that what dominates is named by measurement. The clock stands where
/// the benchmark's five-year reads stand (the city's today, 09:00) and runs on in real time.
/// </summary>
public static class ReadsTrace
{
    public static async Task Run(string connectionString, string schema, string scaleName, int probes, bool firstYear = false)
    {
        await using var city = await KeptCity.Open(connectionString, schema, scaleName, firstYear);
        var (scale, plan, now, clock, host, http, catalog) = (city.Scale, city.Plan, city.Now, city.Clock, city.Host, city.Http, city.Catalog);
        var lastYear = city.LastYear;

        // The warnings: now (the start page's), and late in the last year (a whole year of counters).
        var lateInYear = $"{lastYear}-11-30";
        foreach (var asOf in new string?[] { null, lateInYear })
        {
            var url = "/api/warnings" + (asOf is null ? "" : "?asOf=" + asOf);
            var lat = await Http(http, url, probes);
            Console.WriteLine($"GET {url}: {Show(lat)}");
            var at = asOf is null ? clock.GetUtcNow() : OfficeCalendar.EndOf(DateOnly.Parse(asOf, CultureInfo.InvariantCulture)).AddTicks(-1);
            for (var i = 0; i < Math.Min(probes, 5); i++)
                Console.WriteLine("  in process: " + await WarningParts(host, catalog, at, clock.GetUtcNow()));
        }

        using (var office = await PageFigures.SignedIn(host, "office"))
            Console.WriteLine($"page / (今日待办): {Show(await Http(office, "/", probes))}");

        // Scores as the benchmark probes them over five years of history, and over the first year only.
        foreach (var (label, first, last) in new[] { ("all years", scale.FirstYear, lastYear), ("first year", scale.FirstYear, scale.FirstYear) })
        {
            var urls = CityBenchmark.ScoreUrls(plan, first, last, clock.GetUtcNow(), 20191222, probes * 4 + 20);
            foreach (var u in urls.Take(20)) (await http.GetAsync(u)).Dispose();
            var lat = await Loop.Run(1, new Bound(probes * 4, TimeSpan.FromMinutes(2)), async i =>
            {
                using var reply = await http.GetAsync(urls[20 + i]);
                return reply.StatusCode == HttpStatusCode.OK;
            });
            Console.WriteLine($"scores, {label}: {Show(lat)}");
        }

        for (var i = 0; i < Math.Min(probes, 8); i++)
            Console.WriteLine("  score in process: " + await ScoreParts(host, catalog, plan, scale.FirstYear, lastYear, clock.GetUtcNow(), i));

        var rankingUrls = Enumerable.Range(0, probes).Select(i =>
        {
            var (year, asOf, knownAt) = CityBenchmark.Point(new Random(100 + i), lastYear, lastYear, clock.GetUtcNow());
            return $"/api/rankings?year={year}&asOf={asOf:yyyy-MM-dd}&knownAt={Uri.EscapeDataString(knownAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}";
        }).ToList();
        var ranking = await Loop.Run(1, new Bound(probes, TimeSpan.FromMinutes(2)), async i =>
        {
            using var reply = await http.GetAsync(rankingUrls[i]);
            await reply.Content.ReadAsByteArrayAsync();
            return reply.StatusCode == HttpStatusCode.OK;
        });
        Console.WriteLine($"rankings, year {lastYear}: {Show(ranking)}");
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static async Task<Latencies> Http(HttpClient client, string url, int probes)
    {
        for (var i = 0; i < 3; i++) (await client.GetAsync(url)).Dispose();
        return await Loop.Run(1, new Bound(probes, TimeSpan.FromMinutes(2)), async _ =>
        {
            using var reply = await client.GetAsync(url);
            await reply.Content.ReadAsByteArrayAsync();
            return reply.StatusCode == HttpStatusCode.OK;
        });
    }

    private static string Show(Latencies l) => $"p50 {l.P50:F1} / p95 {l.P95:F1} / max {l.Max:F1} ms ({l.Count} ok, {l.Failures} failed)";

    /// <summary>Each read <c>/api/warnings</c> makes, one after another on one session.</summary>
    private static async Task<string> WarningParts(BenchHost host, RulebookCatalog catalog, DateTimeOffset at, DateTimeOffset now)
    {
        var date = OfficeCalendar.DateOf(at);
        var q = new ScoreQuery(date.Year, date, now);
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
        var units = await Timed("units", async () => (await session.Query<Unit>().ToListAsync()).ToDictionary(u => u.Id));
        var unitCounts = await Timed("unit counts", () => RateReader.CountsOfAll(session, SubjectKind.Unit, q));
        var personCounts = await Timed("person counts", () => RateReader.CountsOfAll(session, SubjectKind.Person, q));
        var people = await Timed("people", async () => (await session.Query<Person>().ToListAsync()).Count);
        var entries = await Timed("entries", async () => (await ScoreReader.AllEntries(session, q)).Count);
        var rulebook = catalog.ForScoring(q.Year, date) ?? catalog.All[0];
        var lights = await Timed("rates (whole)", async () => (await Hotline.Ledger.Warnings.RateLights.Of(session, rulebook, q, units)).Count);
        var from = at - TimeSpan.FromHours(1) - TimeSpan.FromDays(1);
        var to = at + TimeSpan.FromDays(1);
        var files = await Timed("case files", async () => (await session.Query<CaseFile>().Where(c => c.ReplyDueAt != null && c.ReplyDueAt > from && c.ReplyDueAt <= to).ToListAsync()).Count);
        return $"{string.Join(", ", parts)} | all {whole.Elapsed.TotalMilliseconds:F1} ms; {units.Count} units, {unitCounts.Count}/{personCounts.Count} counted, " +
               $"{people} people, {entries} entries, {lights} rate lights, {files} case files";
    }

    /// <summary>The reads of one score, apart: the subject with its entries and marks (one batch), then its counters.</summary>
    private static async Task<string> ScoreParts(BenchHost host, RulebookCatalog catalog, CityPlan plan, int firstYear, int lastYear, DateTimeOffset now, int i)
    {
        var rng = new Random(500 + i);
        var unit = i % 2 == 0;
        var id = unit ? plan.Units[rng.Next(plan.Units.Count)].Id : plan.People[rng.Next(plan.People.Count)].Id;
        var (year, asOf, knownAt) = CityBenchmark.Point(rng, firstYear, lastYear, now);
        var q = new ScoreQuery(year, asOf, knownAt);
        var kind = unit ? SubjectKind.Unit : SubjectKind.Person;
        await using var session = host.Store.QuerySession();
        var w = Stopwatch.StartNew();
        var batch = session.CreateBatchQuery();
        var subject = unit ? (Task<object?>)batch.Load<Unit>(id).ContinueWith(t => (object?)t.Result) : batch.Load<Person>(id).ContinueWith(t => (object?)t.Result);
        var rows = SubjectCards.Queue(batch, kind, id, q);
        await batch.Execute();
        await subject;
        var batchMs = w.Elapsed.TotalMilliseconds;
        w.Restart();
        var counts = await RateReader.CountsOf(session, kind, id, q);
        var countsMs = w.Elapsed.TotalMilliseconds;
        w.Restart();
        var card = Scorecards.Compute(catalog.ForScoring(year, asOf)!, kind, new ScoreSubject(unit ? "unit" : "person", id, "", null), q,
            await rows.Entries, await rows.Marks, counts);
        return $"{(unit ? "unit" : "person")} {year} asOf {asOf:MM-dd}: batch {batchMs:F1}, counts {countsMs:F1}, compute {w.Elapsed.TotalMilliseconds:F1} ms " +
               $"({(await rows.Entries).Count} entries, {counts.Assigned} assigned, total {card.Total})";
    }
}
