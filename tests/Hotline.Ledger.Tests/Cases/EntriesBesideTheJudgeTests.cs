using System.Collections.Concurrent;
using System.Net;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.Storage;
using Hotline.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Xunit.Abstractions;

namespace Hotline.Ledger.Tests.Cases;

/// <summary>
/// Single entries from many clients while the deadline judge works through many due reply deadlines beside them, both
/// sealing into the one chain through Wolverine's durable queue and the group commit (ADR 0183): every request gets its
/// answer, every entry is recorded once, the judge charges every case once, and the chain verifies.
/// </summary>
// A load probe (thousands of cases judged beside 32 clients): CI and ./test.sh --all run it, a developer's default run does not.
[Trait("Category", "Smoke")]
public class EntriesBesideTheJudgeTests(CaseFeedApp app, ITestOutputHelper output) : CaseFeedTest(app)
{
    private const int Cases = 3_000;
    private const int Clients = 32;
    private const int Entries = 1_500;

    [Fact]
    public async Task Every_single_entry_is_answered_and_recorded_once_while_the_judge_charges_many_due_deadlines()
    {
        var year = Stage();
        MoveTo(Local(year, 5, 1));
        var units = new List<Guid>();
        for (var i = 0; i < 8; i++) units.Add(await App.NewUnit());
        var at = Local(year, 5, 10, 9);
        MoveTo(at.AddMinutes(1));
        var due = at.AddDays(2);
        for (var first = 0; first < Cases; first += 1_000)
            await Ingest(Enumerable.Range(first, Math.Min(1_000, Cases - first))
                .Select(i => Row($"JB-{i}-a", $"JB-{i}", "assigned", at, units[i % units.Count], replyDueAt: due)).ToArray());

        // Every deadline is due now; the judge works through them in the background, a judgement at a time.
        MoveTo(due + TimeSpan.FromHours(2));
        await App.Host.MessageBus().SendAsync(new JudgeDueDeadlines());

        var answers = new ConcurrentDictionary<int, Reply>();
        var next = -1;
        var occurredOn = $"{year}-05-10";
        async Task Client()
        {
            for (var i = Interlocked.Increment(ref next); i < Entries; i = Interlocked.Increment(ref next))
            {
                var post = App.Post("/api/entries", new { clause = "D3.2", unitId = units[i % units.Count], occurredOn, reason = $"并行录入 {i}" });
                // A request still waiting after a few seconds has the database's locks and the writer's lanes written
                // down once, so that a failure says what it waited on.
                if (await Task.WhenAny(post, Task.Delay(TimeSpan.FromSeconds(5))) != post) output.WriteLine(await Sample(i));
                answers[i] = await post;
            }
        }

        var clients = Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(Client)));
        // Only a request that never gets its answer can reach this bound; its state is then the failure's message.
        if (await Task.WhenAny(clients, Task.Delay(TimeSpan.FromMinutes(5))) != clients)
            Assert.Fail($"{Entries - answers.Count} of {Entries} single entries got no answer:\n{await Sample(-1)}");

        Assert.All(answers.Values, r => Assert.True(r.Status == HttpStatusCode.Created, r.Text));
        var ids = answers.Values.Select(r => r.Json.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(Entries, ids.Distinct().Count());
        var recorded = await App.Rows($"""
            select count(*), count(distinct stream_id) from "{App.Schema}".mt_events
            where type = 'entry_recorded' and data ->> 'reason' like '并行录入 %'
            """);
        Assert.Equal((long)Entries, recorded[0][0]);
        Assert.Equal((long)Entries, recorded[0][1]);

        Assert.True(await Eventually.Holds(async () => await Charged() == Cases, TimeSpan.FromMinutes(5)), $"{await Charged()} of {Cases} cases charged");
        Assert.True((await App.Ok("/api/integrity")).GetProperty("valid").GetBoolean());
    }

    private async Task<long> Charged() =>
        (long)(await App.Rows($"select count(*) from \"{App.Schema}\".mt_events where type = 'reply_deadline_missed'"))[0][0]!;

    private async Task<string> Sample(int request)
    {
        var group = App.Host.Services.GetRequiredService<GroupCommit>();
        var text = new System.Text.StringBuilder($"request {request} waiting; group commit: {group.Waiting} queued; {group.State}\n");
        foreach (var row in await App.Rows("""
            select a.pid, a.state, a.wait_event_type, a.wait_event, now() - a.xact_start, pg_blocking_pids(a.pid)::text, left(a.query, 160)
            from pg_stat_activity a where a.datname = current_database() and a.pid <> pg_backend_pid() and a.state <> 'idle'
            """))
            text.AppendLine(string.Join(" | ", row.Select(v => v?.ToString())));
        foreach (var row in await App.Rows("select pid, locktype, mode, granted, objid from pg_locks where locktype = 'advisory' or not granted"))
            text.AppendLine("lock " + string.Join(" | ", row.Select(v => v?.ToString())));
        return text.ToString();
    }
}
