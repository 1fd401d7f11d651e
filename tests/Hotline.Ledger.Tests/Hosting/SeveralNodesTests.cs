using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;
using Hotline.Ledger.Tests.WhatIf;
using Hotline.Ledger.Time;
using Npgsql;
using Xunit.Abstractions;
using static Hotline.Ledger.Tests.Support.NodeCalls;

namespace Hotline.Ledger.Tests.Hosting;

/// <summary>
/// Three nodes — three processes — on one database, in Wolverine's balanced mode (ADR 0115). The node that
/// holds the deadline work (the message store's durability agent, which fires the scheduled judgements) is
/// killed before a reply deadline; another node takes the work over and records each D3.1 once. Meanwhile
/// every row fed to any node is in the ledger once, the read models show it, no message is left or
/// dead-lettered, the hash chain the three nodes sealed into verifies, and a revision adopted on one node
/// is known to the others without a restart; a screen session outlives the node that opened it. Waits are bounded waits on conditions, on the real clock.
/// </summary>
[Trait("Category", "Nodes")]
public sealed class SeveralNodesTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Cases per node; every other one is answered in time, the rest cost their unit a D3.1 each.
    private const int CasesPerNode = 12;

    /// <summary>How long after its deadline a D3.1 may take when the node that should judge it died (stated in ADR 0115).</summary>
    private static readonly TimeSpan TakeOverWithin = TimeSpan.FromMinutes(3);

    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<NodeProcess> _nodes = [];

    private static readonly Dictionary<string, string> Settings = NodeTrio.FastFailover();

    public async Task InitializeAsync()
    {
        _nodes.AddRange(await NodeTrio.StartAsync(_schema, Settings));
    }

    public async Task DisposeAsync()
    {
        await NodeTrio.StopAsync(_nodes, output);
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{_schema}\" cascade", conn);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_node_holding_the_deadlines_dies_and_another_records_each_D3_1_once_with_nothing_lost_or_doubled()
    {
        // Wolverine's leader has placed the durability agent: one node holds the scheduled deadline work.
        var holder = await Until(async () => await DeadlineHolder(), h => h is not null, TimeSpan.FromMinutes(2), "no node took the durability agent");

        var (a, b, c) = (_nodes[0].Client(), _nodes[1].Client(), _nodes[2].Client());
        var unit = (await Created(a, "/api/units", new { code = "NODES", name = "多节点单位" })).GetProperty("id").GetGuid();

        // Each answer names the node that gave it.
        foreach (var node in _nodes)
            Assert.Equal(node.Name, Assert.Single((await node.Client().GetAsync("/health/live")).Headers.GetValues("X-Hotline-Node")));

        // A revision adopted on node a is in force, from its date, on nodes b and c without a restart.
        var revision = await Adopt(a, unit);
        foreach (var other in new[] { b, c })
            await Until(async () => await RevisionIds(other), ids => ids.Contains(revision), TimeSpan.FromMinutes(1),
                "the revision adopted on node a did not reach another node");

        // A batch to each node at once, and single entries to each at once: the chain's lock orders three writers.
        var now = DateTimeOffset.UtcNow;
        var due = now.AddSeconds(90); // room for a loaded CI machine to set the scene before it
        var batches = _nodes.Select((n, i) => Feed(n.Client(), i, unit, now, due)).ToList();
        var entries = _nodes.SelectMany(n => Enumerable.Range(0, 4).Select(_ => Created(n.Client(), "/api/entries",
            new { clause = "B2.1", unitId = unit, occurredOn = OfficeCalendar.DateOf(now).ToString("yyyy-MM-dd"), reason = "电话表扬" }))).ToList();
        var accepted = (await Task.WhenAll(batches)).Sum();
        await Task.WhenAll(entries);
        Assert.Equal(_nodes.Count * CasesPerNode * 3 / 2, accepted);

        // The judgement of that deadline waits in the message store, for any node (one from each batch's own transaction).
        Assert.Equal(_nodes.Count, await Scalar($"select count(*) from {T("wolverine_incoming_envelopes")} where status = 'Scheduled' " +
            $"and execution_time between '{due.AddSeconds(-1):O}'::timestamptz and '{due.AddSeconds(2):O}'::timestamptz and message_type like '%JudgeDueDeadlines%'"));

        // Kill the node that holds the deadline work, before the deadline.
        holder = await DeadlineHolder();
        var victim = _nodes.Single(n => n.NodeId == holder);
        var session = await SignIn(victim);
        Assert.True(DateTimeOffset.UtcNow < due, "the nodes were too slow to set the scene before the deadline; nothing was tested");
        victim.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        var survivors = _nodes.Where(n => n != victim).ToList();
        var reader = survivors[0].Client();

        // A screen session opened on the dead node goes on, on any other.
        foreach (var node in survivors) Assert.Equal(HttpStatusCode.OK, await Screen(node, session));

        // Another node takes the work over and records each missed reply, once.
        var missed = _nodes.Count * CasesPerNode / 2;
        var charged = await Until(async () => await D31(reader, unit), list => list.Count >= missed, due - DateTimeOffset.UtcNow + TakeOverWithin,
            $"the D3.1 were not recorded within {TakeOverWithin} of the deadline after node {victim.Name} died");
        var recorded = charged.Max(e => e.GetProperty("recordedAt").GetDateTimeOffset());
        output.WriteLine($"Node {victim.Name} killed {(due - killedAt).TotalSeconds:F0} s before the deadline; the last D3.1 recorded {(recorded - due).TotalSeconds:F0} s after it.");
        var newHolder = await DeadlineHolder();
        Assert.Contains(survivors, n => n.NodeId == newHolder);

        // A further sweep on the surviving nodes records nothing twice.
        await Task.Delay(TimeSpan.FromSeconds(3));
        charged = await D31(reader, unit);
        Assert.Equal(missed, charged.Count);
        Assert.Equal(missed, charged.Select(e => e.GetProperty("caseNumber").GetString()).Distinct().Count());
        Assert.All(charged, e => Assert.EndsWith("-0", e.GetProperty("caseNumber").GetString()));
        Assert.Equal(missed, await Scalar($"select count(*) from {T("mt_events")} where type = 'reply_deadline_missed'"));

        // Every row is in the ledger once; the read models show every case and every charge, on every live node.
        Assert.Equal(accepted, await Scalar($"select count(*) from {T("mt_events")} where type in ('case_assigned', 'case_replied')"));
        foreach (var node in survivors)
        {
            var rates = await Ok(node.Client(), $"/api/units/{unit}/rates?year={OfficeCalendar.DateOf(now).Year}&asOf={OfficeCalendar.DateOf(due):yyyy-MM-dd}");
            Assert.Equal(_nodes.Count * CasesPerNode, rates.GetProperty("assigned").GetInt32());
            Assert.Equal(missed, (await D31(node.Client(), unit)).Count);
        }

        // No message is left behind (the dead node's included) and none failed.
        await Until(async () => await Scalar($"select count(*) from {T("wolverine_incoming_envelopes")} where status = 'Incoming'"), n => n == 0,
            TimeSpan.FromMinutes(1), "messages were left in the inbox");
        Assert.Equal(0, await Scalar($"select count(*) from {T("wolverine_dead_letters")}"));

        // The chain the three nodes sealed into verifies, every event in it.
        var integrity = await Ok(reader, "/api/integrity");
        Assert.True(integrity.GetProperty("valid").GetBoolean(), integrity.ToString());
        Assert.Equal(0, integrity.GetProperty("eventsUnsealed").GetInt64());
        Assert.Equal(await Scalar($"select count(*) from {T("mt_events")} where type <> 'tombstone'"), integrity.GetProperty("linksVerified").GetInt64());
    }

    /// <summary>Half of the node's cases are answered before the deadline; the other half are not.</summary>
    private static async Task<int> Feed(HttpClient client, int node, Guid unit, DateTimeOffset now, DateTimeOffset due)
    {
        var rows = new List<object>();
        for (var i = 0; i < CasesPerNode; i++)
        {
            var number = $"N{node}-{i:D2}-{i % 2}";
            rows.Add(new { eventId = $"{number}-a", caseNumber = number, type = "assigned", at = now.AddMinutes(-5), unitId = unit, replyDueAt = due });
            if (i % 2 == 1) rows.Add(new { eventId = $"{number}-r", caseNumber = number, type = "replied", at = now.AddMinutes(-1) });
        }

        var answer = await Created(client, "/api/cases/events", new { events = rows }, HttpStatusCode.OK);
        Assert.Equal(0, answer.GetProperty("rejected").GetArrayLength());
        return answer.GetProperty("accepted").GetInt32();
    }

    /// <summary>Drafts a copy of the measures effective the day after tomorrow and has a leader adopt it; answers its id.</summary>
    private static async Task<string> Adopt(HttpClient client, Guid unit)
    {
        var id = "xinyang-nodes";
        var effective = OfficeCalendar.DateOf(DateTimeOffset.UtcNow).AddDays(2).ToString("yyyy-MM-dd");
        var drafted = await client.PostAsync("/api/rulebooks/drafts", Drafting.Json(Drafting.Named(Drafting.BuiltIn(), id, effective)));
        Assert.True(drafted.StatusCode == HttpStatusCode.Created, await drafted.Content.ReadAsStringAsync());
        var draft = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var step in new[] { "submit", "approve" })
        {
            var moved = await client.PostAsJsonAsync($"/api/rulebooks/drafts/{draft}/{step}", new { });
            Assert.True(moved.StatusCode == HttpStatusCode.OK, $"{step}: {await moved.Content.ReadAsStringAsync()}");
        }

        return id;
    }

    /// <summary>Signs in on <paramref name="node"/>'s Development sign-in, as a browser does; answers the session cookie.</summary>
    private static async Task<string> SignIn(NodeProcess node)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = node.Address };
        using var signedIn = await browser.GetAsync("/signin/dev?user=%E7%8E%8B%E8%8A%B3&role=office");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("hotline.session=", StringComparison.Ordinal));
    }

    /// <summary>The Wolverine node that runs the message store's durability agent (the scheduled messages' poller).</summary>
    private async Task<Guid?> DeadlineHolder()
    {
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"select a.node_id from {T("wolverine_node_assignments")} a join {T("wolverine_nodes")} n on n.id = a.node_id where a.id like 'wolverinedb:%' limit 1", conn);
        return await cmd.ExecuteScalarAsync() as Guid?;
    }

    private string T(string table) => $"\"{_schema}\".{table}";

    private static async Task<long> Scalar(string sql)
    {
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <summary>Reads until <paramref name="done"/> holds, or fails naming what did not happen (with the nodes' last output).</summary>
    private async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string failure)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (watch.Elapsed > within)
                Assert.Fail($"{failure} (waited {within}).\n" + string.Join("\n\n", _nodes.Select(n => $"--- node {n.Name}{(n.Exited ? " (exited)" : "")}:\n{n.Output}")));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
