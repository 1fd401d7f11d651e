using System.Text.Json;
using Hotline.Ledger.Benchmarks.Baselines;
using Hotline.Ledger.Tenancy;

namespace Hotline.Ledger.Benchmarks.Province;

public sealed record ProvinceOptions(int Cities, CityScale CityScale, int Seed, string ConnectionString, ProvinceBudget Budget, TextWriter Progress, bool KeepSchema = false);

/// <summary>
/// A province on one deployment (docs/benchmarks.md, "Province"): several synthetic cities, each a tenant with a
/// database of its own, added as <c>tenants add</c> adds them, on two API nodes sharing those databases. Every
/// city's case feed is sent side by side, one sender per city, through the HTTP batch route: first to node A
/// alone, then to both nodes (batch by batch, as a round-robin proxy would), then to node A alone again; each
/// window's ingestion per node and in total is set beside Marten's quick append of the same events with one
/// writer per city. Then every city is checked: all its rows accepted once, its counts, its hash chain, its units
/// and none of another's; the default city got nothing.
/// </summary>
public sealed class ProvinceBenchmark(ProvinceOptions options)
{
    /// <summary>Henan's cities besides Xinyang (the deployment's default city): code, Chinese name.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Henan =
    [
        ("ZZ", "郑州市"), ("KF", "开封市"), ("LY", "洛阳市"), ("PDS", "平顶山市"), ("AY", "安阳市"), ("HB", "鹤壁市"),
        ("XX", "新乡市"), ("JZ", "焦作市"), ("PY", "濮阳市"), ("XC", "许昌市"), ("LH", "漯河市"), ("SMX", "三门峡市"),
        ("NY", "南阳市"), ("SQ", "商丘市"), ("ZK", "周口市"), ("ZMD", "驻马店市"), ("JY", "济源市"),
    ];

    private const string NodeA = "A";
    private const string NodeB = "B";

    private readonly Stopwatch _run = new();
    private readonly RulebookCatalog _catalog = new(RulebookLoader.LoadBuiltIn());

    public async Task<ProvinceFigures> Run()
    {
        if (options.Cities < 1 || options.Cities > Henan.Count) throw new ArgumentException($"--cities takes 1 to {Henan.Count}.");
        _run.Start();
        var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var schema = $"prov_{stamp}_{Random.Shared.Next(1000):D3}";
        var scale = options.CityScale;
        var figures = new ProvinceFigures
        {
            CityScale = scale, Seed = options.Seed, Schema = schema, Budget = options.Budget, SchemaKept = options.KeepSchema,
            Machine = CityBenchmark.MachineInfo(), LoadBefore = CostSampler.LoadAverage(),
        };

        var founding = OfficeCalendar.EndOf(scale.Founding.AddDays(-1));
        var clock = new ProvinceClock(new CityClock(founding));
        Say($"schema {schema}; {options.Cities} cities of {scale.Name} ({scale.Units} units, {scale.People} people, {scale.CasesPerYear:N0} cases a year each); windows of {options.Budget.Window:N0} case events a city");

        var cityDatabases = new List<string>();
        BenchHost? a = null, b = null;
        var cities = new List<CityRun>();
        try
        {
            a = await BenchHost.Start(options.ConnectionString, schema, clock, node: $"{schema}-a");
            // Each city as `tenants add` adds it: its database beside the master one, the schema, its message store, listed.
            var registry = a.Service<Cities>();
            for (var i = 0; i < options.Cities; i++)
            {
                var (code, name) = Henan[i];
                var watch = Stopwatch.StartNew();
                await registry.AddAsync(code, name);
                var connection = CityConnection(code);
                cityDatabases.Add(new NpgsqlConnectionStringBuilder(connection).Database!);
                var cityClock = new CityClock(founding);
                clock.Add(code, cityClock);
                var seed = options.Seed + i;
                cities.Add(new CityRun(i, code, name, seed, connection, CityPlan.Build(scale, seed), cityClock, _catalog, a));
                figures.Cities.Add((code, name, seed));
                Say($"city {code} {name} added in {watch.Elapsed.TotalSeconds:F1} s (database {cityDatabases[^1]}, seed {seed})");
            }

            b = await BenchHost.Start(options.ConnectionString, schema, clock, node: $"{schema}-b");
            Say($"node A on {a.Address}, node B on {b.Address}");
            var nodes = new[] { (Name: NodeA, Host: a), (Name: NodeB, Host: b) };
            foreach (var city in cities) city.Connect(nodes.Select(n => n.Host).ToArray());

            // Warm-up, through both nodes (each JIT-compiles and fills its pools): not measured.
            if (options.Budget.WarmUp > 0) await Window(new FeedWindow(0, "warm-up", [NodeA, NodeB]), cities, options.Budget.WarmUp, [0, 1], measured: false);
            Say("warmed up");
            string[] one = [NodeA], two = [NodeA, NodeB];
            var plan = new[] { (Feeding: "node A alone", Nodes: one, Route: new[] { 0 }), (Feeding: "nodes A and B, batches in turn", Nodes: two, Route: new[] { 0, 1 }), (Feeding: "node A alone", Nodes: one, Route: new[] { 0 }) };
            for (var w = 0; w < plan.Length; w++)
            {
                var window = new FeedWindow(w + 1, plan[w].Feeding, plan[w].Nodes);
                await Window(window, cities, options.Budget.Window, plan[w].Route, measured: true);
                figures.Windows.Add(window);
                Say($"window {window.Number} ({window.Feeding}): {window.Events:N0} case events in {window.Wall.TotalSeconds:F1} s = {window.Total.PerSecond:N0}/s; " +
                    string.Join(", ", window.Nodes.Select(n => $"node {n.Node} {n.Events:N0}")) + $"; load {window.Cost!.LoadAverage}");
            }

            await Baselines(figures, cities, schema, a);
            figures.LedgerEvents = cities.Sum(c => c.Ledger);
            figures.CaseEvents = cities.Sum(c => c.Cases);

            await Quiet(cities);
            foreach (var city in cities) await CheckCity(city, cities, schema, b, figures);
            await CheckDefaultCity(schema, figures);
            Say($"checks: {figures.Checks.Count(c => c.Passed)}/{figures.Checks.Count} passed");
        }
        finally
        {
            Say("stopping the nodes");
            foreach (var city in cities) city.Dispose();
            if (b is not null) await b.DisposeAsync();
            if (a is not null) await a.DisposeAsync();
            figures.LoadAfter = CostSampler.LoadAverage();
            if (!options.KeepSchema)
            {
                foreach (var city in cities)
                {
                    await BenchHost.DropSchema(city.ConnectionString, schema);
                    await BenchHost.DropSchema(city.ConnectionString, schema + "_mq");
                }

                await BenchHost.DropSchema(options.ConnectionString, schema);
            }
        }

        figures.Total = _run.Elapsed;
        Say("done");
        return figures;
    }

    /// <summary>The city's database as <see cref="Cities"/> names it beside the master one (hotline → hotline_zz).</summary>
    private string CityConnection(string code)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        builder.Database = $"{builder.Database}_{code.ToLowerInvariant().Replace('-', '_')}";
        return builder.ConnectionString;
    }

    /// <summary>Sends the next <paramref name="perCity"/> case events of every city, the cities side by side; route: the nodes batches go to in turn.</summary>
    private async Task Window(FeedWindow window, List<CityRun> cities, int perCity, int[] route, bool measured)
    {
        var ledgerBefore = cities.Sum(c => c.Loader.Meter.Events);
        var ledgerTimeBefore = cities.Aggregate(TimeSpan.Zero, (t, c) => t + c.Loader.Meter.Elapsed);
        var sampler = measured ? CostSampler.Start(options.ConnectionString, cities.Select(c => new NpgsqlConnectionStringBuilder(c.ConnectionString).Database!)) : null;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(cities.Select(c => Task.Run(() => c.Feed(window, perCity, route))));
        window.Wall = wall.Elapsed;
        if (sampler is not null)
        {
            window.Cost = await sampler.Stop();
            await sampler.DisposeAsync();
        }

        window.LedgerEvents = cities.Sum(c => c.Loader.Meter.Events) - ledgerBefore;
        window.LedgerTime = cities.Aggregate(TimeSpan.Zero, (t, c) => t + c.Loader.Meter.Elapsed) - ledgerTimeBefore;
        if (!measured) window.Ops.Clear();
    }

    /// <summary>Marten's quick append of each window's case events: one writer per city side by side, each into a scratch schema of its city's database.</summary>
    private async Task Baselines(ProvinceFigures figures, List<CityRun> cities, string schema, BenchHost ledger)
    {
        var raws = new List<RawMarten>();
        try
        {
            foreach (var city in cities) raws.Add(await RawMarten.Create(city.ConnectionString, schema + "_mq", ledger.Store));
            foreach (var window in figures.Windows)
            {
                var wall = Stopwatch.StartNew();
                var meters = await Task.WhenAll(cities.Select((c, i) => Task.Run(() => raws[i].AppendInBatches(window.Ops[c.Code]))));
                window.Marten = new Rate(meters.Sum(m => m.Events), wall.Elapsed);
                Say($"window {window.Number}: Marten quick append of the same {window.Marten.Events:N0} events, {cities.Count} writers: {window.Marten.PerSecond:N0}/s");
                window.Ops.Clear();
            }
        }
        finally
        {
            foreach (var raw in raws) await raw.DisposeAsync();
        }
    }

    /// <summary>
    /// Runs what each city's deadline judge still has due at the city's clock, in the city. The cities' clocks stand
    /// still from here on, so judgements still scheduled fire later and find nothing left to judge.
    /// </summary>
    private async Task Quiet(List<CityRun> cities)
    {
        var watch = Stopwatch.StartNew();
        foreach (var city in cities)
            using (CityScope.Enter(city.Code))
                await CityBenchmark.DrainJudgements(city.Host, _catalog);
        Say($"judges drained in {watch.Elapsed.TotalSeconds:F1} s");
    }

    private async Task CheckCity(CityRun city, List<CityRun> cities, string schema, BenchHost reader, ProvinceFigures figures)
    {
        var feed = city.Driver;
        figures.Checks.Add(new Check($"{city.Code} {city.Name}: every case-feed row was accepted once (none rejected, none a duplicate)",
            feed.Accepted == city.Cases && feed.Rejected == 0 && feed.Duplicates == 0,
            $"{city.Cases:N0} sent, {feed.Accepted:N0} accepted, {feed.Duplicates:N0} duplicates, {feed.Rejected:N0} rejected, {feed.Retries} batch(es) sent again after a 409{(feed.FirstRejection is { } r ? "; first rejection: " + r : "")}"));

        // One statement, one snapshot, in the city's own database.
        var s = $"\"{schema}\"";
        await using var conn = new NpgsqlConnection(city.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"select (select count(*) from {s}.mt_events where type <> 'tombstone'), (select count(*) from {s}.mt_doc_entry), (select count(*) from {s}.mt_doc_mark), " +
            $"(select count(*) from {s}.mt_doc_entry where (data ->> 'automatic')::boolean), (select count(*) from {s}.mt_events where type = 'reply_deadline_missed')", conn);
        long events, entries, marks, auto, charges;
        await using (var row = await cmd.ExecuteReaderAsync())
        {
            await row.ReadAsync();
            (events, entries, marks, auto, charges) = (row.GetInt64(0), row.GetInt64(1), row.GetInt64(2), row.GetInt64(3), row.GetInt64(4));
        }

        var expected = city.Ledger + feed.Accepted + auto + charges;
        figures.Checks.Add(new Check($"{city.Code}: every generated event and accepted case row is in its database once, beside its own D3.1/D3.3 entries and charges",
            events == expected && entries == city.Entries + auto && marks == city.Marks,
            $"{events:N0} in mt_events; {city.Ledger:N0} ledger + {feed.Accepted:N0} case rows + {auto:N0} automatic entries + {charges:N0} D3.1 charges; {entries:N0} Entry rows, {marks:N0} Mark rows"));

        // The chain, verified by the node that wrote the least of it, as a user of the city.
        using var http = reader.Client(4, city.Code);
        using var integrity = JsonDocument.Parse(await http.GetStringAsync("/api/integrity"));
        var root = integrity.RootElement;
        var (valid, links, unsealed) = (root.GetProperty("valid").GetBoolean(), root.GetProperty("linksVerified").GetInt64(), root.GetProperty("eventsUnsealed").GetInt64());
        figures.Checks.Add(new Check($"{city.Code}: its hash chain verifies, every event in it (GET /api/integrity on node B)", valid && unsealed == 0 && links == events,
            $"valid {valid}, {links:N0} links verified, {unsealed} unsealed, {events:N0} events"));

        // Not a check: a message that failed is the run's finding to report, and the deadline drain above has judged what it would have.
        await using (var dead = new NpgsqlCommand($"select count(*), min(message_type || ': ' || exception_type || ' — ' || left(exception_message, 160)) from {s}.wolverine_dead_letters", conn))
        await using (var row = await dead.ExecuteReaderAsync())
        {
            await row.ReadAsync();
            figures.DeadLetters.Add((city.Code, row.GetInt64(0), row.IsDBNull(1) ? null : row.GetString(1).ReplaceLineEndings(" ")));
        }

        // Nothing crossed: the city's users see its units and none of another city's.
        var units = (await http.GetFromJsonAsync<List<JsonElement>>("/api/units"))!.Select(u => u.GetProperty("id").GetGuid()).ToHashSet();
        var own = city.Plan.Units.Select(u => u.Id).ToHashSet();
        var foreign = cities.Where(c => c != city).SelectMany(c => c.Plan.Units).Count(u => units.Contains(u.Id));
        figures.Checks.Add(new Check($"{city.Code}: its users see its own units and none of another city's (GET /api/units)", units.SetEquals(own) && foreign == 0,
            $"{units.Count} listed, {own.Count} its own, {foreign} of other cities"));
    }

    private async Task CheckDefaultCity(string schema, ProvinceFigures figures)
    {
        var events = await Scalar(options.ConnectionString, $"select count(*) from \"{schema}\".mt_events");
        figures.Checks.Add(new Check("the default city's database (the master one) received none of the province's events", events == 0, $"{events:N0} events there"));
    }

    private static async Task<long> Scalar(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private void Say(string line) => options.Progress.WriteLine($"[{_run.Elapsed:hh\\:mm\\:ss}] {line}");

    /// <summary>One city of the province: its timeline, its clock, its loader (in process, node A's store) and its feed sender.</summary>
    private sealed class CityRun(int index, string code, string name, int seed, string connectionString, CityPlan plan, CityClock clock, RulebookCatalog catalog, BenchHost host) : IDisposable
    {
        private readonly IEnumerator<CityOp> _timeline = new CityGenerator(plan, catalog, seed).Timeline().GetEnumerator();
        private CityOp? _peeked;
        private HttpClient[] _clients = [];
        private string[] _names = [];
        private int _batches;

        public string Code { get; } = code;
        public string Name { get; } = name;
        public string ConnectionString { get; } = connectionString;
        public CityPlan Plan { get; } = plan;
        public BenchHost Host { get; } = host;
        public LedgerLoader Loader { get; } = new(host.Store, clock, catalog);
        public CaseFeedDriver Driver { get; private set; } = null!;
        public long Ledger { get; private set; }
        public long Cases { get; private set; }
        public long Entries { get; private set; }
        public long Marks { get; private set; }

        public void Connect(BenchHost[] nodes)
        {
            _clients = nodes.Select(n => n.Client(8, Code)).ToArray();
            _names = [NodeA, NodeB];
            Driver = new CaseFeedDriver(_clients[0], null, clock);
        }

        /// <summary>The next <paramref name="perCity"/> case events of this city's timeline, with the ledger facts between them, in the city's scope.</summary>
        public async Task Feed(FeedWindow window, int perCity, int[] route)
        {
            using var scope = CityScope.Enter(Code);
            var ops = new List<CaseOp>(perCity);
            var until = Cases + perCity;
            while (Cases < until && Peek() is { } op)
            {
                _peeked = null;
                switch (op)
                {
                    case LedgerOp l:
                        Ledger++;
                        if (l.Event is EntryRecorded) Entries++;
                        if (l.Event is MarkRecorded) Marks++;
                        await Loader.Add(l);
                        break;
                    case CaseOp c:
                        Cases++;
                        ops.Add(c);
                        if (Driver.Add(c, viaHttp: true)) await Send(window, route);
                        break;
                }
            }

            await Loader.Flush();
            await Send(window, route);
            lock (window.Ops) window.Ops[Code] = ops;
        }

        private async Task Send(FeedWindow window, int[] route)
        {
            if (Driver.Pending == 0) return;
            // The feed checks each row's person against the registry: the people must be in first.
            if (Loader.HoldsRegistryChanges) await Loader.Flush();
            // Cities start on different nodes, so that in turn half of them are on each.
            var node = route[(index + _batches++) % route.Length];
            Driver.Client = _clients[node];
            var rows = Driver.Pending;
            var started = Stopwatch.GetTimestamp();
            await Driver.Flush();
            window.Took(_names[node], rows, Stopwatch.GetElapsedTime(started));
        }

        private CityOp? Peek()
        {
            if (_peeked is null && _timeline.MoveNext()) _peeked = _timeline.Current;
            return _peeked;
        }

        public void Dispose()
        {
            _timeline.Dispose();
            foreach (var client in _clients) client.Dispose();
        }
    }
}
