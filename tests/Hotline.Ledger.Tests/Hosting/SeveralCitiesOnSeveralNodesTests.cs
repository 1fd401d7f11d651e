using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;
using Hotline.Ledger.Tests.WhatIf;
using Hotline.Ledger.Time;
using Npgsql;
using Xunit.Abstractions;
using static Hotline.Ledger.Tests.Support.NodeCalls;

namespace Hotline.Ledger.Tests.Hosting;

/// <summary>
/// Three nodes — three processes — on one deployment of two cities: the default city in the master database and
/// a city added at run time, through the province administrator's route, in a database of its own (ADR 0110,
/// 0111), in Wolverine's balanced mode (ADR 0115). Each city's deadline work is its own database's durability
/// agent (the scheduled judgements fire from there), held by one node. The node that holds the added city's is
/// killed before a reply deadline in both cities; another node takes the work over and records each D3.1 once,
/// in its own city's ledger (ADR 0150). Meanwhile every row fed to any node is in its city's ledger once, the
/// read models show it, no message is left or dead-lettered, each city's hash chain verifies, nothing of one
/// city is in the other's, a revision adopted in the added city on one node is known to the others in that city
/// (and not in the default one) without a restart, and a screen session outlives the node that opened it.
/// Waits are bounded waits on conditions, on the real clock.
/// </summary>
[Trait("Category", "Nodes")]
public sealed class SeveralCitiesOnSeveralNodesTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Cases per batch; every other one is answered in time, the rest cost their unit a D3.1 each.
    private const int CasesPerBatch = 12;

    /// <summary>The city added at run time. Its database (the master's name and <c>_nb</c>) is shared by runs, each in its own schema.</summary>
    private const string Added = "NB";

    /// <summary>The default city (null: no claim) and the added one.</summary>
    private static readonly string?[] Cities = [null, Added];

    /// <summary>How long after its deadline a D3.1 may take when the node that should judge it died (stated in ADR 0115).</summary>
    private static readonly TimeSpan TakeOverWithin = TimeSpan.FromMinutes(3);

    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<NodeProcess> _nodes = [];

    // Which node starts and stops which agent, in a failure's message.
    private static readonly Dictionary<string, string> Settings = NodeTrio.FastFailover(("Logging:LogLevel:Wolverine.Runtime.Agents", "Information"));

    public async Task InitializeAsync()
    {
        _nodes.AddRange(await NodeTrio.StartAsync(_schema, Settings));
    }

    public async Task DisposeAsync()
    {
        await NodeTrio.StopAsync(_nodes, output);
        foreach (var city in Cities)
        {
            await using var conn = new NpgsqlConnection(DatabaseOf(city));
            try
            {
                await conn.OpenAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                continue; // The city was never added.
            }

            await using var drop = new NpgsqlCommand($"drop schema if exists \"{_schema}\" cascade", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Each city's D3.1 come from the judgements its own feed scheduled in its own message store, fired by whichever
    /// node holds that store's durability agent (ADR 0181): nothing of the default city's is handed on to judge them.
    /// </summary>
    [Fact]
    public async Task The_node_holding_a_citys_deadlines_dies_and_another_records_each_D3_1_once_in_its_own_city_with_nothing_lost_or_doubled()
    {
        var (a, b, c) = (_nodes[0], _nodes[1], _nodes[2]);

        // The province adds a city to the running deployment, on any node.
        var added = await c.Client([Roles.ProvinceAdmin]).PostAsJsonAsync("/api/cities", new { code = Added, name = "南阳市" });
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());

        // Wolverine's leader finds the new city's message store and places its durability agent, as the default city's: one node each.
        await Until(async () => (await DeadlineHolder(null), await DeadlineHolder(Added)), h => h.Item1 is not null && h.Item2 is not null,
            TimeSpan.FromMinutes(2), "no node took a city's durability agent");

        var unit = new Dictionary<string, Guid>();
        foreach (var city in Cities)
            unit[Key(city)] = (await Created(a.Client(city: city), "/api/units", new { code = "NODES", name = "多节点单位" })).GetProperty("id").GetGuid();

        // Each answer names the node that gave it.
        foreach (var node in _nodes)
            Assert.Equal(node.Name, Assert.Single((await node.Client().GetAsync("/health/live")).Headers.GetValues("X-Hotline-Node")));

        // Nodes b and c serve the added city before a revision is adopted there on node a; they learn of it without a restart,
        // in that city only.
        foreach (var node in new[] { b, c })
            Assert.DoesNotContain(Revision, await RevisionIds(node.Client(city: Added)));
        await Adopt(a.Client(city: Added));
        foreach (var node in new[] { b, c })
            await Until(async () => await RevisionIds(node.Client(city: Added)), ids => ids.Contains(Revision), TimeSpan.FromMinutes(1),
                $"the revision adopted in city {Added} on node a did not reach node {node.Name}");
        foreach (var node in _nodes) Assert.DoesNotContain(Revision, await RevisionIds(node.Client()));

        // A batch to each node in each city at once, and single entries likewise: in each city, the chain's lock orders three writers.
        var now = DateTimeOffset.UtcNow;
        var due = now.AddSeconds(90); // room for a loaded CI machine to set the scene before it
        var batches = Cities.ToDictionary(Key, city => _nodes.Select((n, i) => Feed(n.Client(city: city), city, i, unit[Key(city)], now, due)).ToList());
        var entries = Cities.SelectMany(city => _nodes.SelectMany(n => Enumerable.Range(0, 3).Select(_ => Created(n.Client(city: city), "/api/entries",
            new { clause = "B2.1", unitId = unit[Key(city)], occurredOn = OfficeCalendar.DateOf(now).ToString("yyyy-MM-dd"), reason = "电话表扬" })))).ToList();
        var accepted = new Dictionary<string, int>();
        foreach (var (city, feeds) in batches) accepted[city] = (await Task.WhenAll(feeds)).Sum();
        await Task.WhenAll(entries);

        foreach (var city in Cities)
        {
            Assert.Equal(_nodes.Count * CasesPerBatch * 3 / 2, accepted[Key(city)]);
            // The judgement of that deadline waits in the city's own message store, for any node (one from each batch's own transaction).
            Assert.Equal(_nodes.Count, await Scalar(city, $"select count(*) from {T("wolverine_incoming_envelopes")} where status = 'Scheduled' " +
                $"and execution_time between '{due.AddSeconds(-1):O}'::timestamptz and '{due.AddSeconds(2):O}'::timestamptz and message_type like '%JudgeDueDeadlines%'"));
        }

        // Kill the node that holds the added city's deadline work, before the deadline.
        var holder = await DeadlineHolder(Added);
        var defaultHolder = await DeadlineHolder(null);
        var victim = _nodes.Single(n => n.NodeId == holder);
        var session = await SignIn(victim);
        Assert.True(DateTimeOffset.UtcNow < due, "the nodes were too slow to set the scene before the deadline; nothing was tested");
        victim.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        var survivors = _nodes.Where(n => n != victim).ToList();

        // A screen session of the added city opened on the dead node goes on, on any other.
        foreach (var node in survivors) Assert.Equal(HttpStatusCode.OK, await Screen(node, session));

        // Another node takes the work over and records each missed reply, once, in each city.
        var missed = _nodes.Count * CasesPerBatch / 2;
        foreach (var city in Cities)
        {
            var reader = survivors[0].Client(city: city);
            var charged = await Until(async () => await D31(reader, unit[Key(city)]), list => list.Count >= missed, due - DateTimeOffset.UtcNow + TakeOverWithin,
                $"the D3.1 of city {Key(city)} were not recorded within {TakeOverWithin} of the deadline after node {victim.Name} died",
                async () => $"nodes: {string.Join(", ", _nodes.Select(n => $"{n.Name}={n.NodeId}"))}\nassignments:\n" +
                    await Rows(null, $"select id, node_id from {T("wolverine_node_assignments")}") + $"\nthe city's deadline messages:\n" +
                    await Rows(city, $"select message_type, owner_id, status, execution_time, attempts from {T("wolverine_incoming_envelopes")} where message_type like '%Judge%'"));
            var recorded = charged.Max(e => e.GetProperty("recordedAt").GetDateTimeOffset());
            output.WriteLine($"City {Key(city)}: node {victim.Name} (holding {(defaultHolder == holder ? "both cities'" : "the added city's")} deadline work) " +
                $"killed {(due - killedAt).TotalSeconds:F0} s before the deadline; the last D3.1 recorded {(recorded - due).TotalSeconds:F0} s after it.");
        }

        var newHolder = await Until(async () => await DeadlineHolder(Added), h => h != holder, TimeSpan.FromMinutes(1), "the dead node kept the added city's agent");
        Assert.Contains(survivors, n => n.NodeId == newHolder);

        // A further sweep on the surviving nodes records nothing twice.
        await Task.Delay(TimeSpan.FromSeconds(3));
        foreach (var city in Cities)
        {
            var charged = await D31(survivors[0].Client(city: city), unit[Key(city)]);
            Assert.Equal(missed, charged.Count);
            Assert.Equal(missed, charged.Select(e => e.GetProperty("caseNumber").GetString()).Distinct().Count());
            Assert.All(charged, e => Assert.StartsWith(Prefix(city), e.GetProperty("caseNumber").GetString()));
            Assert.All(charged, e => Assert.EndsWith("-0", e.GetProperty("caseNumber").GetString()));
            Assert.Equal(missed, await Scalar(city, $"select count(*) from {T("mt_events")} where type = 'reply_deadline_missed'"));

            // Every row is in its city's ledger once, and nothing of the other city is there.
            Assert.Equal(accepted[Key(city)], await Scalar(city, $"select count(*) from {T("mt_events")} where type in ('case_assigned', 'case_replied')"));
            var other = Cities.Single(o => o != city);
            Assert.Equal(0, await Scalar(city, $"select count(*) from {T("mt_events")} where data::text like '%{Prefix(other)}%' or data::text like '%{unit[Key(other)]}%'"));
            Assert.Equal(HttpStatusCode.NotFound, (await survivors[0].Client(city: city).GetAsync($"/api/units/{unit[Key(other)]}")).StatusCode);

            // The read models show every case and every charge, on every live node.
            foreach (var node in survivors)
            {
                var rates = await Ok(node.Client(city: city), $"/api/units/{unit[Key(city)]}/rates?year={OfficeCalendar.DateOf(now).Year}&asOf={OfficeCalendar.DateOf(due):yyyy-MM-dd}");
                Assert.Equal(_nodes.Count * CasesPerBatch, rates.GetProperty("assigned").GetInt32());
                Assert.Equal(missed, (await D31(node.Client(city: city), unit[Key(city)])).Count);
            }

            // No message is left behind in the city's store (the dead node's included) and none failed.
            var left = await Eventually.Holds(async () => await Scalar(city, $"select count(*) from {T("wolverine_incoming_envelopes")} where status = 'Incoming'") == 0,
                TimeSpan.FromMinutes(1));
            Assert.True(left, $"messages were left in the inbox of city {Key(city)}:\n" + await Rows(city,
                $"select message_type, owner_id, status, execution_time, attempts, received_at from {T("wolverine_incoming_envelopes")} where status = 'Incoming'") +
                "\nnodes: " + string.Join(", ", _nodes.Select(n => $"{n.Name}={n.NodeId}")));
            Assert.Equal(0, await Scalar(city, $"select count(*) from {T("wolverine_dead_letters")}"));

            // The city's chain, sealed into by three nodes, verifies, every event in it.
            var integrity = await Ok(survivors[0].Client(city: city), "/api/integrity");
            Assert.True(integrity.GetProperty("valid").GetBoolean(), integrity.ToString());
            Assert.Equal(0, integrity.GetProperty("eventsUnsealed").GetInt64());
            Assert.Equal(await Scalar(city, $"select count(*) from {T("mt_events")} where type <> 'tombstone'"), integrity.GetProperty("linksVerified").GetInt64());
        }
    }

    private const string Revision = "xinyang-nodes";

    private static string Key(string? city) => city ?? "default";

    /// <summary>Each city's case numbers begin with its own prefix, so that one found in the other city's ledger stands out.</summary>
    private static string Prefix(string? city) => $"CASE{city ?? "XY"}-";

    /// <summary>Half of the batch's cases are answered before the deadline; the other half are not.</summary>
    private static async Task<int> Feed(HttpClient client, string? city, int node, Guid unit, DateTimeOffset now, DateTimeOffset due)
    {
        var rows = new List<object>();
        for (var i = 0; i < CasesPerBatch; i++)
        {
            var number = $"{Prefix(city)}N{node}-{i:D2}-{i % 2}";
            rows.Add(new { eventId = $"{number}-a", caseNumber = number, type = "assigned", at = now.AddMinutes(-5), unitId = unit, replyDueAt = due });
            if (i % 2 == 1) rows.Add(new { eventId = $"{number}-r", caseNumber = number, type = "replied", at = now.AddMinutes(-1) });
        }

        var answer = await Created(client, "/api/cases/events", new { events = rows }, HttpStatusCode.OK);
        Assert.Equal(0, answer.GetProperty("rejected").GetArrayLength());
        return answer.GetProperty("accepted").GetInt32();
    }

    /// <summary>Drafts a copy of the measures effective the day after tomorrow and has a leader adopt it.</summary>
    private static async Task Adopt(HttpClient client)
    {
        var effective = OfficeCalendar.DateOf(DateTimeOffset.UtcNow).AddDays(2).ToString("yyyy-MM-dd");
        var drafted = await client.PostAsync("/api/rulebooks/drafts", Drafting.Json(Drafting.Named(Drafting.BuiltIn(), Revision, effective)));
        Assert.True(drafted.StatusCode == HttpStatusCode.Created, await drafted.Content.ReadAsStringAsync());
        var draft = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var step in new[] { "submit", "approve" })
        {
            var moved = await client.PostAsJsonAsync($"/api/rulebooks/drafts/{draft}/{step}", new { });
            Assert.True(moved.StatusCode == HttpStatusCode.OK, $"{step}: {await moved.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Signs in to the added city on <paramref name="node"/>'s Development sign-in, as a browser does; answers the session cookie.</summary>
    private static async Task<string> SignIn(NodeProcess node)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = node.Address };
        using var signedIn = await browser.GetAsync($"/signin/dev?user=%E7%8E%8B%E8%8A%B3&role=office&city={Added}");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("hotline.session=", StringComparison.Ordinal));
    }

    /// <summary>
    /// The Wolverine node that runs the durability agent (the scheduled messages' poller) of <paramref name="city"/>'s
    /// message store: its agent is named after the city's database (<c>wolverinedb://postgresql/host/database/schema</c>).
    /// </summary>
    private async Task<Guid?> DeadlineHolder(string? city)
    {
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"select a.node_id from {T("wolverine_node_assignments")} a join {T("wolverine_nodes")} n on n.id = a.node_id where a.id like $1 limit 1", conn);
        cmd.Parameters.AddWithValue($"wolverinedb://%/{new NpgsqlConnectionStringBuilder(DatabaseOf(city)).Database}/%");
        return await cmd.ExecuteScalarAsync() as Guid?;
    }

    /// <summary>The connection string of a city's database: the master database for the default city, <c>{master}_nb</c> for the added one.</summary>
    private static string DatabaseOf(string? city)
    {
        var builder = new NpgsqlConnectionStringBuilder(LedgerApp.ConnectionString);
        if (city is not null) builder.Database = $"{builder.Database}_{city.ToLowerInvariant()}";
        return builder.ConnectionString;
    }

    private string T(string table) => $"\"{_schema}\".{table}";

    private static async Task<long> Scalar(string? city, string sql)
    {
        await using var conn = new NpgsqlConnection(DatabaseOf(city));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <summary>The rows a query answers, one a line, for a failure's message.</summary>
    private static async Task<string> Rows(string? city, string sql)
    {
        await using var conn = new NpgsqlConnection(DatabaseOf(city));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i)))));
        return string.Join('\n', lines);
    }

    /// <summary>Reads until <paramref name="done"/> holds, or fails naming what did not happen (with the nodes' last output).</summary>
    private async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string failure, Func<Task<string>>? state = null)
    {
        var value = default(T)!;
        if (await Eventually.Holds(async () => done(value = await read()), within)) return value;
        Assert.Fail($"{failure} (waited {within}).\n" + (state is null ? "" : await state() + "\n") + string.Join("\n\n", _nodes.Select(n => $"--- node {n.Name}{(n.Exited ? " (exited)" : "")}:\n{n.Output}")));
        return value;
    }
}
