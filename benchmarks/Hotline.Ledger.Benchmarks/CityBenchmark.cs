using Hotline.Ledger.Benchmarks.Baselines;
using Hotline.Ledger.Cases;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.Rebuild;
using Hotline.Ledger.Storage;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.Options;

namespace Hotline.Ledger.Benchmarks;

public sealed record BenchmarkOptions(CityScale Scale, int Seed, string ConnectionString, Budget Budget, TextWriter Progress, bool KeepSchema = false, bool FirstYearOnly = false);

/// <summary>
/// One run: a synthetic city is generated, loaded into a fresh schema through the ledger's own write
/// paths, and measured against baselines taken in the same run on the same events. Phases:
/// the first year is loaded (and timed), the baselines append the same first-year events, scores are
/// probed over one year of history; the other years are loaded, scores are probed again over all of
/// it, rankings, single entries from 32 clients, and finally every read model is rebuilt from the
/// events and must answer exactly as before. Every schema the run made is dropped at the end.
/// </summary>
public sealed class CityBenchmark(BenchmarkOptions options)
{
    private readonly Stopwatch _run = new();
    private CityScale Scale => options.Scale;

    public async Task<Figures> Run()
    {
        _run.Start();
        var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var schema = $"bench_{stamp}_{Random.Shared.Next(1000):D3}";
        var figures = new Figures { Scale = Scale.Name, Seed = options.Seed, Schema = schema, SchemaKept = options.KeepSchema, AllYears = Scale.Years, Machine = MachineInfo(), LoadBefore = LoadAverage() };
        var scratch = new[] { schema, schema + "_mq", schema + "_copy", schema + "_mq1" };

        var catalog = new RulebookCatalog(RulebookLoader.LoadBuiltIn());
        var plan = CityPlan.Build(Scale, options.Seed);
        var clock = new CityClock(OfficeCalendar.EndOf(Scale.Founding.AddDays(-1)));

        Say($"schema {schema}; scale {Scale.Name}: {Scale.Units} units, {Scale.People} people, {Scale.Years} years, {Scale.CasesPerYear:N0} cases a year");
        var host = await BenchHost.Start(options.ConnectionString, schema, clock);
        try
        {
            using var http = host.Client(connections: 64);
            figures.AppendMode = host.Store.Options.Events.AppendMode.ToString();
            Say($"Kestrel on {host.Address}; Marten append mode {figures.AppendMode}");

            figures.Floor = await Loop.Run(1, options.Budget.Floor, async _ =>
            {
                using var reply = await http.GetAsync("/health/live");
                return reply.IsSuccessStatusCode;
            });

            var generator = new CityGenerator(plan, catalog, options.Seed);
            var loader = new LedgerLoader(host.Store, clock, catalog);
            var feed = new CaseFeedDriver(http, host.Service<CaseFeed>(), clock);
            using var timeline = generator.Timeline().GetEnumerator();
            var tally = new Tally();

            // 1. The first year (with its year-end marks, recorded in January).
            var firstCheckpoint = OfficeCalendar.EndOf(new DateOnly(Scale.FirstYear + 1, 1, 19));
            await Load(timeline, firstCheckpoint, loader, feed, tally, figures);
            figures.LedgerInProcess = Rate.Of(loader.Meter);
            figures.CaseHttp = Rate.Of(feed.Http);
            figures.CaseInProcess = Rate.Of(_windowB);
            Say($"case feed: HTTP {figures.CaseHttp.PerSecond:N0}/s over {figures.CaseHttp.Events:N0}, in process {figures.CaseInProcess.PerSecond:N0}/s over {figures.CaseInProcess.Events:N0}");
            Say($"first year in: {tally.Ledger:N0} ledger events at {figures.LedgerInProcess.PerSecond:N0}/s; {tally.Cases:N0} case events");

            await CatchUpCheckpoints(host, Scale.FirstYear, Scale.FirstYear);

            // 2. Baselines on the very same first-year events, regenerated from the seed.
            await Baselines(plan, catalog, firstCheckpoint, schema, host, figures, tally);

            // 3. Scores over one year of history, asked as the 20th of January begins.
            clock.MoveTo(firstCheckpoint);
            clock.Run();
            figures.ScoreFirst = await Scores(http, plan, Scale.FirstYear, Scale.FirstYear, clock, options.Seed + 1);
            Say($"scores at 1 year: p50 {figures.ScoreFirst.P50:F1} ms, p95 {figures.ScoreFirst.P95:F1} ms ({figures.ScoreFirst.Count} probes)");

            // A first-year-only run (--first-year) stops here: ingestion, its baselines, the 1-year scores and
            // rankings in ~20 minutes, on a machine kept quiet for them.
            if (options.FirstYearOnly)
            {
                await MeasureRankings(http, host, catalog, clock, figures, Scale.FirstYear);
                await MeasurePages(http, host, plan, figures, Scale.FirstYear);
                await SingleEntries(http, plan, schema, host, figures, new DateOnly(Scale.FirstYear + 1, 1, 20));
                Say($"single entries: {figures.SingleEntries!.PerSecond:N0}/s, p99 {figures.SingleEntries.P99:F1} ms; raw appends {figures.SingleEntriesMarten!.PerSecond:N0}/s");
            }

            figures.LedgerEvents = tally.Ledger;
            figures.CaseEventsGenerated = tally.Cases;
            if (!options.FirstYearOnly)
            {
                // 4. The other years.
                await Load(timeline, DateTimeOffset.MaxValue, loader, feed, tally, figures);
                figures.LedgerInProcessAllYears = Rate.Of(loader.Meter);
                figures.LedgerEvents = tally.Ledger;
                figures.CaseEventsGenerated = tally.Cases;
                Say($"all {Scale.Years} years in: {tally.Ledger:N0} ledger events at {figures.LedgerInProcessAllYears.PerSecond:N0}/s; {tally.Cases:N0} case events");
                figures.CaseInProcessAll = Rate.Of(feed.InProcess);
                figures.Checks.Add(new Check("every case-feed row was accepted once (none rejected, none a duplicate)",
                    feed.Accepted == tally.Cases && feed.Rejected == 0 && feed.Duplicates == 0,
                    $"{tally.Cases:N0} sent, {feed.Accepted:N0} accepted, {feed.Duplicates:N0} duplicates, {feed.Rejected:N0} rejected, {feed.Retries} batch(es) sent again after a 409{(feed.FirstRejection is { } r ? "; first rejection: " + r : "")}"));
                figures.Judgements = await DrainJudgements(host, catalog);
                Say($"deadlines judged: {figures.Judgements} more run(s) after the load");
                await CatchUpCheckpoints(host, Scale.FirstYear, Scale.LastYear);

                clock.MoveTo(OfficeCalendar.EndOf(Scale.Today.AddDays(-1)).AddHours(9));
                clock.Run();
                figures.ScoreAll = await Scores(http, plan, Scale.FirstYear, Scale.LastYear, clock, options.Seed + 2);
                Say($"scores at {Scale.Years} years: p50 {figures.ScoreAll.P50:F1} ms, p95 {figures.ScoreAll.P95:F1} ms ({figures.ScoreAll.Count} probes)");

                // 5. Rankings, and the same rankings the old way (every entry of the year loaded and grouped in memory).
                await MeasureRankings(http, host, catalog, clock, figures, Scale.LastYear);

                // 5b. The web application's pages beside the API reads they stand on.
                await MeasurePages(http, host, plan, figures, Scale.LastYear);

                // 6. Single entries from 32 clients, beside raw single-event appends from 32 writers.
                var created = await SingleEntries(http, plan, schema, host, figures, Scale.Today);
                Say($"single entries: {figures.SingleEntries!.PerSecond:N0}/s, p99 {figures.SingleEntries.P99:F1} ms; raw appends {figures.SingleEntriesMarten!.PerSecond:N0}/s");

                // 7. Counts: everything generated is in the store, once.
                await CountChecks(schema, tally, created, feed.Accepted, figures);

                // 8. Rebuild every read model from the events; the answers must not change. Offline, as in production:
                // nothing may be left for the deadline judge to do in the background while tables are emptied.
                await Quiet(host, catalog, schema);
                await Rebuild(http, host, plan, schema, figures);
                Say($"bulk rebuild: {figures.Rebuild!.Events:N0} events in {figures.Rebuild.Elapsed.TotalSeconds:F1} s = {figures.Rebuild.PerSecond:N0}/s");

                // 9. The deep integrity check does the rebuild's work again into a scratch schema and compares every row:
                // its cost is measured beside the rebuild's, and it must find the rebuilt ledger sound.
                await DeepIntegrity(host, figures);
                    }
}
        finally
        {
            await host.DisposeAsync();
            figures.LoadAfter = LoadAverage();
            if (!options.KeepSchema)
                foreach (var s in scratch) await BenchHost.DropSchema(options.ConnectionString, s);
        }

        figures.Total = _run.Elapsed;
        return figures;
    }

    private sealed class Tally
    {
        public long Ledger;
        public long Cases;
        public long Entries;
        public long Marks;
    }

    private readonly Meter _windowB = new();

    private async Task Load(IEnumerator<CityOp> timeline, DateTimeOffset until, LedgerLoader loader, CaseFeedDriver feed, Tally tally, Figures figures)
    {
        var window = options.Budget.CaseWindow;
        long batchStart = 0;
        async Task SendCases()
        {
            // The feed checks each row's person against the registry: the people must be in first.
            if (loader.HoldsRegistryChanges) await loader.Flush();
            var inWindowB = batchStart >= window && batchStart < 2L * window;
            await feed.Flush(inWindowB ? _windowB : null);
            batchStart = tally.Cases;
        }

        while (Peek(timeline) is { } op && op.RecordedAt < until)
        {
            _peeked = null;
            switch (op)
            {
                case LedgerOp l:
                    tally.Ledger++;
                    if (l.Event is EntryRecorded) tally.Entries++;
                    if (l.Event is MarkRecorded) tally.Marks++;
                    await loader.Add(l);
                    break;
                case CaseOp c:
                    // The first window goes through the HTTP batch route, all the rest in process; the second
                    // window is the in-process figure. A batch goes whole down one path.
                    var viaHttp = tally.Cases < window;
                    if (feed.Pending > 0 && viaHttp != (batchStart < window)) await SendCases();
                    tally.Cases++;
                    if (feed.Add(c, viaHttp)) await SendCases();
                    break;
            }

            if (op is LedgerOp && tally.Ledger % 100_000 == 0) Say($"  … {tally.Ledger:N0} ledger events, {tally.Cases:N0} case events, at {op.RecordedAt:yyyy-MM-dd}");
            if (op is CaseOp && tally.Cases % 1_000_000 == 0) Say($"  … {tally.Ledger:N0} ledger events, {tally.Cases:N0} case events, at {op.RecordedAt:yyyy-MM-dd}");
        }

        await loader.Flush();
        await SendCases();
    }

    /// <summary>Takes the weekly counter checkpoints a nightly job would have taken by now (ADR 0045).</summary>
    private async Task CatchUpCheckpoints(BenchHost host, int firstYear, int lastYear)
    {
        var watch = Stopwatch.StartNew();
        var written = 0;
        for (var year = firstYear; year <= lastYear; year++)
        {
            written += await CounterCheckpoints.CatchUp(host.Store, Hotline.Ledger.Rulebooks.SubjectKind.Unit, year);
            written += await CounterCheckpoints.CatchUp(host.Store, Hotline.Ledger.Rulebooks.SubjectKind.Person, year);
        }
        Say($"counter checkpoints: {written} taken in {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Drains the judge again and waits (bounded) until no judgement is queued or due in the durable inbox (the recurring sweep keeps one for later).</summary>
    private async Task Quiet(BenchHost host, RulebookCatalog catalog, string schema)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            await DrainJudgements(host, catalog);
            await using var conn = new NpgsqlConnection(options.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"select count(*) from \"{schema}\".wolverine_incoming_envelopes where status <> 'Handled' and (execution_time is null or execution_time <= now())", conn);
            var pending = (long)(await cmd.ExecuteScalarAsync())!;
            if (pending == 0) return;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Say("  the durable inbox still holds judgements after 2 minutes; rebuilding anyway");
    }

    /// <summary>
    /// Runs the deadline judge (D3.1, D3.3) until nothing more is due at the city's clock, in process, as its
    /// durable message would: what the background judgements have not yet done is done before anything is counted.
    /// </summary>
    internal static async Task<int> DrainJudgements(BenchHost host, RulebookCatalog catalog)
    {
        var runs = 0;
        var options = host.Service<IOptions<DeadlineOptions>>();
        for (JudgeDueDeadlines? more = new(); more is not null && runs < 10_000; runs++)
        {
            await using var session = host.Store.LightweightSession();
            more = await DeadlineJudge.Handle(new JudgeDueDeadlines(), session, host.Service<TimeProvider>(), catalog, options, CancellationToken.None);
            await session.SaveChangesAsync();
        }

        return runs;
    }

    private CityOp? _peeked;

    private CityOp? Peek(IEnumerator<CityOp> timeline)
    {
        if (_peeked is null && timeline.MoveNext()) _peeked = timeline.Current;
        return _peeked;
    }

    private async Task Baselines(CityPlan plan, RulebookCatalog catalog, DateTimeOffset checkpoint, string schema, BenchHost host, Figures figures, Tally tally)
    {
        IEnumerable<CityOp> FirstYear() =>
            new CityGenerator(plan, catalog, options.Seed).Timeline().TakeWhile(op => op.RecordedAt < checkpoint);

        await using (var raw = await RawMarten.Create(options.ConnectionString, schema + "_mq", host.Store))
            figures.LedgerMarten = Rate.Of(await raw.AppendInBatches(FirstYear().OfType<LedgerOp>()));
        figures.LedgerCopy = Rate.Of(await BinaryCopy.Load(options.ConnectionString, schema + "_copy", host.Store, FirstYear().OfType<LedgerOp>()));
        figures.Checks.Add(new Check("the baselines appended the very events the ledger loaded (same seed, same count)",
            figures.LedgerMarten.Events == figures.LedgerInProcess!.Events && figures.LedgerCopy.Events == figures.LedgerInProcess.Events,
            $"ledger {figures.LedgerInProcess.Events:N0}, Marten {figures.LedgerMarten.Events:N0}, COPY {figures.LedgerCopy.Events:N0}"));
        Say($"baselines, ledger events: Marten {figures.LedgerMarten.PerSecond:N0}/s, COPY {figures.LedgerCopy.PerSecond:N0}/s");

        // The case feed's windows: the first W case events (the HTTP route's share) and the next W (the in-process share).
        var w = options.Budget.CaseWindow;
        IEnumerable<CaseOp> Cases() => FirstYear().OfType<CaseOp>();
        await using (var raw = await RawMarten.Create(options.ConnectionString, schema + "_mq1", host.Store))
        {
            figures.CaseMartenHttpWindow = Rate.Of(await raw.AppendInBatches(Cases().Take(w)));
            figures.CaseMartenInProcessWindow = Rate.Of(await raw.AppendInBatches(Cases().Skip(w).Take(w)));
        }

        await BenchHost.DropSchema(options.ConnectionString, schema + "_copy");
        figures.CaseCopyHttpWindow = Rate.Of(await BinaryCopy.Load(options.ConnectionString, schema + "_copy", host.Store, Cases().Take(w)));
        Say($"baselines, case events ({figures.CaseMartenHttpWindow.Events:N0} + {figures.CaseMartenInProcessWindow.Events:N0}): Marten {figures.CaseMartenHttpWindow.PerSecond:N0}/s, COPY {figures.CaseCopyHttpWindow.PerSecond:N0}/s");
        // Free the disk before the other years come in.
        foreach (var s in new[] { "_mq", "_mq1", "_copy" }) await BenchHost.DropSchema(options.ConnectionString, schema + s);
    }

    /// <summary>Random (subject, year, asOf, knownAt) points, one client, every answer must be a 200 scorecard.</summary>
    private async Task<Latencies> Scores(HttpClient http, CityPlan plan, int firstYear, int lastYear, CityClock clock, int seed)
    {
        var now = clock.GetUtcNow();
        var urls = ScoreUrls(plan, firstYear, lastYear, now, seed, options.Budget.Scores.Count + 20);
        foreach (var url in urls.Take(20)) (await http.GetAsync(url)).Dispose(); // warm-up: code generation, JIT, pools
        var measured = urls.Skip(20).ToList();
        return await Loop.Run(1, options.Budget.Scores, async i =>
        {
            using var reply = await http.GetAsync(measured[i]);
            return reply.StatusCode == HttpStatusCode.OK;
        });
    }

    public static List<string> ScoreUrls(CityPlan plan, int firstYear, int lastYear, DateTimeOffset now, int seed, int count)
    {
        var rng = new Random(seed);
        var urls = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var unit = rng.Next(2) == 0;
            var id = unit ? plan.Units[rng.Next(plan.Units.Count)].Id : plan.People[rng.Next(plan.People.Count)].Id;
            var (year, asOf, knownAt) = Point(rng, firstYear, lastYear, now);
            urls.Add($"/api/{(unit ? "units" : "people")}/{id}/score?{Query(year, asOf, knownAt)}");
        }

        return urls;
    }

    /// <summary>A random point on both clocks: a year, a business date in it, and an instant from its first day to now.</summary>
    internal static (int Year, DateOnly AsOf, DateTimeOffset KnownAt) Point(Random rng, int firstYear, int lastYear, DateTimeOffset now)
    {
        var year = firstYear + rng.Next(lastYear - firstYear + 1);
        var asOf = new DateOnly(year, 1, 1).AddDays(rng.Next(365));
        var from = OfficeCalendar.EndOf(new DateOnly(year, 1, 1));
        var knownAt = from + TimeSpan.FromSeconds(rng.NextDouble() * (now - from).TotalSeconds);
        return (year, asOf, new DateTimeOffset(knownAt.Ticks - knownAt.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero));
    }

    private static string Query(int year, DateOnly asOf, DateTimeOffset knownAt) =>
        $"year={year}&asOf={asOf:yyyy-MM-dd}&knownAt={Uri.EscapeDataString(knownAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}";

    private async Task MeasurePages(HttpClient http, BenchHost host, CityPlan plan, Figures figures, int year)
    {
        figures.PagesYear = year;
        figures.Pages.AddRange(await PageFigures.Measure(host, http, plan, year, options.Budget.Pages, options.Seed + 5));
        foreach (var p in figures.Pages)
            Say($"page {p.Row.Screen}: p50 {p.Page.P50:F1} ms, p95 {p.Page.P95:F1} ms; its API read p95 {p.Api.P95:F1} ms");
        figures.Checks.Add(new Check("every page answered 200 without a refusal, and every API read beside it 200",
            figures.Pages.All(p => p.Page.Failures == 0 && p.Api.Failures == 0 && p.Page.Count > 0),
            string.Join("; ", figures.Pages.Select(p => $"{p.Row.Screen}: {p.Page.Count} pages and {p.Api.Count} reads ok, {p.Page.Failures + p.Api.Failures} failed"))));
    }

    private async Task MeasureRankings(HttpClient http, BenchHost host, RulebookCatalog catalog, CityClock clock, Figures figures, int lastYear)
    {
        (figures.Ranking, figures.RankingInMemory) = await Rankings(http, host, catalog, clock, figures, lastYear);
        figures.RankingYears = lastYear - Scale.FirstYear + 1;
        Say($"rankings at {figures.RankingYears} year(s): p50 {figures.Ranking.P50:F1} ms, p95 {figures.Ranking.P95:F1} ms; in memory p95 {figures.RankingInMemory.P95:F1} ms");
        figures.WhatIf = await WhatIfs(http, clock, figures, lastYear);
        Say($"what-ifs at {figures.RankingYears} year(s): p50 {figures.WhatIf.P50:F1} ms, p95 {figures.WhatIf.P95:F1} ms");
    }

    /// <summary>
    /// The year replayed under a draft beside the rulebook in force, every unit and person (GET /api/what-if), at
    /// the rankings' kind of random points; its current side must equal the ranking, unit by unit.
    /// </summary>
    private async Task<Latencies> WhatIfs(HttpClient http, CityClock clock, Figures figures, int lastYear)
    {
        var draft = await WhatIfProbe.Draft(http);
        figures.RulebookEvents++;
        var rng = new Random(options.Seed + 5);
        var now = clock.GetUtcNow();
        var bound = options.Budget.Rankings with { Count = Math.Max(3, options.Budget.Rankings.Count / 3) };
        var points = Enumerable.Range(0, bound.Count + 1).Select(_ => Point(rng, Scale.FirstYear, lastYear, now)).ToList();
        (await http.GetAsync($"/api/what-if?draft={draft}&{Query(points[0].Year, points[0].AsOf, points[0].KnownAt)}")).Dispose();
        var measured = points.Skip(1).ToList();
        var latencies = await Loop.Run(1, bound, async i =>
        {
            using var reply = await http.GetAsync($"/api/what-if?draft={draft}&{Query(measured[i].Year, measured[i].AsOf, measured[i].KnownAt)}");
            return reply.StatusCode == HttpStatusCode.OK;
        });

        for (var i = 0; i < Math.Min(options.Budget.RankingChecks, measured.Count); i++)
        {
            var query = Query(measured[i].Year, measured[i].AsOf, measured[i].KnownAt);
            var ranking = await http.GetFromJsonAsync<List<RankedUnit>>($"/api/rankings?{query}");
            var current = WhatIfProbe.CurrentTotals(await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/what-if?draft={draft}&{query}"));
            figures.Checks.Add(new Check($"what-if {query}: its current side equals the ranking under the rulebook in force",
                ranking!.Count == current.Count && ranking.All(r => current.GetValueOrDefault(r.UnitId, decimal.MinValue) == r.Total), $"{current.Count} units"));
        }

        return latencies;
    }

    private async Task<(Latencies Http, Latencies InMemory)> Rankings(HttpClient http, BenchHost host, RulebookCatalog catalog, CityClock clock, Figures figures, int lastYear)
    {
        var rng = new Random(options.Seed + 3);
        var now = clock.GetUtcNow();
        var points = Enumerable.Range(0, options.Budget.Rankings.Count + 3).Select(_ => Point(rng, Scale.FirstYear, lastYear, now)).ToList();
        foreach (var p in points.Take(3)) (await http.GetAsync($"/api/rankings?{Query(p.Year, p.AsOf, p.KnownAt)}")).Dispose();
        var measured = points.Skip(3).ToList();
        var viaHttp = await Loop.Run(1, options.Budget.Rankings, async i =>
        {
            using var reply = await http.GetAsync($"/api/rankings?{Query(measured[i].Year, measured[i].AsOf, measured[i].KnownAt)}");
            return reply.StatusCode == HttpStatusCode.OK;
        });

        // The same points, the way rankings were computed before: every entry of the year loaded and grouped in memory.
        var inMemoryBound = options.Budget.Rankings with { Count = Math.Max(3, options.Budget.Rankings.Count / 5) };
        var inMemory = await Loop.Run(1, inMemoryBound, async i =>
        {
            await using var session = host.Store.QuerySession();
            var q = new ScoreQuery(measured[i].Year, measured[i].AsOf, measured[i].KnownAt);
            var cards = await Ranking.UnitCards(session, catalog.ForScoring(q.Year, q.AsOf)!, q);
            return cards.Count > 0;
        });

        // Correctness: the HTTP ranking equals the in-memory one, unit by unit, in order.
        for (var i = 0; i < Math.Min(options.Budget.RankingChecks, measured.Count); i++)
        {
            var (year, asOf, knownAt) = measured[i];
            var answer = await http.GetFromJsonAsync<List<RankedUnit>>($"/api/rankings?{Query(year, asOf, knownAt)}");
            await using var session = host.Store.QuerySession();
            var q = new ScoreQuery(year, asOf, knownAt);
            var cards = await Ranking.UnitCards(session, catalog.ForScoring(year, asOf)!, q);
            var expected = cards.Select(c => (c.Unit.Id, c.Card.Total)).ToList();
            var actual = answer!.Select(r => (r.UnitId, r.Total)).ToList();
            figures.Checks.Add(new Check($"ranking {Query(year, asOf, knownAt)} equals the in-memory ranking",
                expected.SequenceEqual(actual), $"{actual.Count} units"));
        }

        return (viaHttp, inMemory);
    }

    /// <summary>Entries dated in the half year before <paramref name="today"/>, the city's "now" for the run.</summary>
    private async Task<long> SingleEntries(HttpClient http, CityPlan plan, string schema, BenchHost host, Figures figures, DateOnly today)
    {
        long created = 0;
        var refusals = new System.Collections.Concurrent.ConcurrentBag<string>();
        // An entry that waits more than a few seconds has the database's locks and the group commit's lanes sampled into the log.
        var watch = new StallWatch(options.ConnectionString, host.Service<GroupCommit>(), options.Progress, TimeSpan.FromSeconds(5));
        async Task<bool> Post(int i)
        {
            using var reply = await watch.Watch(i, http.PostAsJsonAsync("/api/entries", SingleEntryRequests.Body(plan, options.Seed, today, i)));
            if (reply.StatusCode != HttpStatusCode.Created)
            {
                refusals.Add($"{(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
                return false;
            }

            Interlocked.Increment(ref created);
            return true;
        }

        // Warm-up, one entry at a time and outside the timed loop. An entry that gets no answer here is a fault the table
        // shows as a failed check (with the watch's samples in the log), not the end of the run: the stalled entry of
        // ADR 0183 was one of these.
        var unanswered = 0;
        for (var i = 0; i < 20; i++)
        {
            try { await Post(-1 - i); }
            catch (TaskCanceledException)
            {
                unanswered++;
                Say($"  warm-up single entry {i + 1} got no answer within the client's {http.Timeout.TotalSeconds:F0} s");
            }
        }

        figures.Checks.Add(new Check("every warm-up single entry is answered", unanswered == 0, $"{20 - unanswered}/20 answered"));
        figures.SingleEntries = await Loop.Run(options.Budget.Clients, options.Budget.SingleEntries, Post);
        foreach (var refusal in refusals.Take(3)) Say($"  refused: {refusal}");

        await using var raw = await RawMarten.Create(options.ConnectionString, schema + "_mq", host.Store);
        figures.SingleEntriesMarten = await raw.AppendOneAtATime(options.Budget.Clients, options.Budget.SingleEntries, i =>
        {
            var id = Guid.CreateVersion7();
            return (id, new EntryRecorded(id, "xinyang-2019", "B2.1", plan.Units[i % plan.Units.Count].Id, null, today.AddDays(-1), 2m,
                "基准测试：单条录入", [], null, CityGenerator.Office));
        });
        await raw.DisposeAsync();
        await BenchHost.DropSchema(options.ConnectionString, schema + "_mq");
        return created;
    }

    private async Task CountChecks(string schema, Tally tally, long created, long accepted, Figures figures)
    {
        // One statement, one snapshot: a background judgement cannot fall between two of the counts.
        await using var conn = new NpgsqlConnection(options.ConnectionString);
        await conn.OpenAsync();
        var automatic = $"(select count(*) from \"{schema}\".mt_doc_entry where (data ->> 'automatic')::boolean)";
        var missed = $"(select count(*) from \"{schema}\".mt_events where type = 'reply_deadline_missed')";
        await using var cmd = new NpgsqlCommand(
            $"select (select count(*) from \"{schema}\".mt_events where type <> 'tombstone'), (select count(*) from \"{schema}\".mt_doc_entry), " +
            $"(select count(*) from \"{schema}\".mt_doc_mark), {automatic}, {missed}", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (events, entries, marks, auto, charges) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        figures.AutomaticEntries = auto;

        var expected = tally.Ledger + created + accepted + auto + charges + figures.RulebookEvents;
        figures.Checks.Add(new Check("every generated event, created entry and accepted case row is in the store once, beside the ledger's own D3.1/D3.3 entries and charges",
            events == expected, $"{events:N0} in mt_events; {tally.Ledger:N0} ledger + {created:N0} single entries + {accepted:N0} case rows + {auto:N0} automatic entries + {charges:N0} D3.1 charges + {figures.RulebookEvents} draft rulebook(s)"));
        figures.Checks.Add(new Check("one Entry row per entry recorded", entries == tally.Entries + created + auto,
            $"{entries:N0} rows; {tally.Entries:N0} generated + {created:N0} single + {auto:N0} automatic"));
        figures.Checks.Add(new Check("one Mark row per mark recorded", marks == tally.Marks, $"{marks:N0} rows, {tally.Marks:N0} recorded"));
    }

    private async Task Rebuild(HttpClient http, BenchHost host, CityPlan plan, string schema, Figures figures)
    {
        var urls = RebuildProbes(plan, host);
        var answers = new List<string>();
        foreach (var url in urls) answers.Add(await http.GetStringAsync(url));
        var names = ((StoreOptions)host.Store.Options).Projections.All.Select(p => p.Name).ToList();
        var tables = ProjectedTables(host.Store, names).ToList();
        // The case files are among them (the CaseFile projection); the rate counters it writes are digested as sums.
        var digested = tables;
        var digest = await Digest(digested, schema);

        long events;
        await using (var conn = new NpgsqlConnection(options.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"select count(*) from \"{schema}\".mt_events", conn);
            events = (long)(await cmd.ExecuteScalarAsync())!;
        }

        async Task Verify(string how)
        {
            var differ = 0;
            for (var i = 0; i < urls.Count; i++)
                if (await http.GetStringAsync(urls[i]) != answers[i]) differ++;
            figures.Checks.Add(new Check($"after the {how} every probed answer is byte-identical", differ == 0, $"{urls.Count - differ}/{urls.Count} identical"));
            var now = await Digest(digested, schema);
            figures.Checks.Add(new Check($"after the {how} every read-model row is identical (id and JSON of {digested.Count} tables, rate counters summed by subject, year, day and recorded instant)", now == digest,
                now == digest ? "same digest" : $"before {digest}; after {now}"));
        }

        // Baseline: Marten's async daemon, projection after projection, as `projections rebuild` does (the case
        // projection's teardown empties the counters).
        await Truncate(tables);
        var watch = Stopwatch.StartNew();
        using (var daemon = await host.Store.BuildProjectionDaemonAsync())
            foreach (var name in names)
                await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(120), CancellationToken.None);
        figures.RebuildDaemon = new Rate(events, watch.Elapsed);
        await Verify("daemon's rebuild");
        Say($"daemon rebuild: {events:N0} events in {watch.Elapsed.TotalSeconds:F1} s = {figures.RebuildDaemon.PerSecond:N0}/s");

        // The ledger's rebuild: one pass over the log, every snapshot folded by its own projection code, written with COPY.
        await Truncate(tables);
        watch.Restart();
        var report = await BulkRebuild.RebuildAll(host.Store);
        figures.Rebuild = new Rate(events, watch.Elapsed);
        figures.RebuildHow = $"one pass over {report.EventsRead:N0} events, COPY: " + string.Join(", ", report.Steps.Select(s => $"{s.ReadModel} {s.Rows:N0}"));
        Say("bulk rebuild's phases: " + string.Join("; ", report.Phases.Select(p => $"{p.Name} {p.Elapsed.TotalSeconds:F1} s")));
        await Verify("bulk rebuild");
    }

    private async Task DeepIntegrity(BenchHost host, Figures figures)
    {
        var watch = Stopwatch.StartNew();
        var report = await host.Service<Hotline.Ledger.Integrity.ReadModelIntegrity>().VerifyAsync();
        figures.DeepIntegrity = new Rate(figures.Rebuild!.Events, watch.Elapsed);
        figures.Checks.Add(new Check("the deep integrity check (GET /api/integrity?readModels=true) finds every read model as its events make it", report.Valid,
            report.Valid ? $"{report.RowsCompared:N0} rows of {report.TablesCompared.Count} tables compared" : $"first fault: {report.FirstFault}"));
        Say($"deep integrity check: {report.RowsCompared:N0} rows compared in {watch.Elapsed.TotalSeconds:F1} s");
    }

    private Task Truncate(IEnumerable<string> tables) => ReadModelDigest.Truncate(options.ConnectionString, tables);

    private Task<string> Digest(IEnumerable<string> tables, string? countersSchema) => ReadModelDigest.Of(options.ConnectionString, tables, countersSchema);

    private List<string> RebuildProbes(CityPlan plan, BenchHost host)
    {
        var now = host.Service<TimeProvider>().GetUtcNow();
        var urls = ScoreUrls(plan, Scale.FirstYear, Scale.LastYear, now, options.Seed + 4, 40);
        var rng = new Random(options.Seed + 5);
        for (var i = 0; i < 4; i++)
        {
            var (year, asOf, knownAt) = Point(rng, Scale.FirstYear, Scale.LastYear, now);
            urls.Add($"/api/rankings?{Query(year, asOf, knownAt)}");
            var unit = plan.Units[rng.Next(plan.Units.Count)];
            urls.Add($"/api/evidence?unitId={unit.Id}&knownAt={Uri.EscapeDataString(knownAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}");
            urls.Add($"/api/units/{unit.Id}/self-checks?year={year}&asOf={year}-12-31");
            urls.Add($"/api/people/{plan.People[rng.Next(plan.People.Count)].Id}");
            urls.Add($"/api/units/{unit.Id}/rates?{Query(year, asOf, knownAt)}");
            urls.Add($"/api/people/{plan.People[rng.Next(plan.People.Count)].Id}/rates?{Query(year, asOf, knownAt)}");
            urls.Add($"/api/cases/{Scale.FirstYear}{1 + rng.Next(Scale.CasesPerYear / 2):D8}");
        }

        urls.Add("/api/units");
        return urls;
    }

    private static List<string> ProjectedTables(IDocumentStore store, IReadOnlyCollection<string> projections) => ReadModelDigest.ProjectedTables(store, projections);

    private void Say(string line) => options.Progress.WriteLine($"[{_run.Elapsed:hh\\:mm\\:ss}] {line}");

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); }
        catch (IOException) { return "n/a"; }
    }

    internal static string MachineInfo()
    {
        var cpu = "unknown CPU";
        try { cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu; }
        catch (IOException) { }
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores ({cpu}), {memory:F0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
