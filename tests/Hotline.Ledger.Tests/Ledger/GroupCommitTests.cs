using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Ledger.Chain;
using Hotline.Ledger.Security;
using Hotline.Ledger.Storage;
using Hotline.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hotline.Ledger.Tests.Ledger;

/// <summary>
/// Single entries are written in batches (ADR 0120), by one or several lanes. To put requests into one
/// batch without depending on timing, a test holds the chain's lock from outside and gives every lane a
/// batch that waits at its seal: the next requests queue up behind them, and once the lock is let go the
/// first lane free takes them together.
/// </summary>
public class GroupCommitTests(LedgerApp app) : LedgerTest(app)
{
    private GroupCommit Writer => App.Host.Services.GetRequiredService<GroupCommit>();

    private static object Entry(string clause, Guid unit, Guid? person = null, string reason = "合并提交") =>
        new { clause, unitId = unit, personId = person, occurredOn = "2020-05-10", reason };

    [Fact]
    public async Task In_one_batch_an_entry_that_loses_its_claim_or_cannot_keep_its_answer_fails_alone_and_the_others_commit()
    {
        var unit = await App.NewUnit();
        var person = await App.NewPerson(unit, "2020-01-01");
        await App.Sql($"""
            create function "{App.Schema}".refuse_one_answer() returns trigger language plpgsql as $$
            begin raise exception 'this answer cannot be stored'; end $$;
            create trigger refuse_one_answer before update on "{App.Schema}".hl_idempotency for each row
            when (new.status_code is not null and new.scope like '%|gc-unstorable') execute function "{App.Schema}".refuse_one_answer();
            """);
        try
        {
            var before = await App.EventCount();
            Task<Reply>[] batch;
            Reply[] openers;
            await using (var held = await HoldChain())
            {
                var first = await FillLanes(held, unit);
                batch =
                [
                    App.Post("/api/entries", Entry("B1", unit, reason: "同批一")),
                    App.Post("/api/entries", Entry("B2.1", unit, person, "同批二")),
                    App.Post("/api/entries", Entry("B3", unit, person, "一年一次甲")),
                    App.Post("/api/entries", Entry("B3", unit, person, "一年一次乙")),
                    App.Post("/api/entries", Entry("B1", unit, reason: "答复存不下"), "gc-unstorable"),
                    App.Post("/api/entries", Entry("D3.2", unit, reason: "同批三")),
                ];
                await UntilQueued(batch.Length);
                await held.Release();
                openers = await Task.WhenAll(first);
            }

            var replies = await Task.WhenAll(batch);
            Assert.All(openers, o => Assert.Equal(HttpStatusCode.Created, o.Status));
            foreach (var i in new[] { 0, 1, 5 }) Assert.True(replies[i].Status == HttpStatusCode.Created, replies[i].Text);
            // Of the two once-per-year entries exactly one is recorded; the other is refused, naming the clause.
            var claims = new[] { replies[2], replies[3] };
            Assert.Single(claims, r => r.Status == HttpStatusCode.Created);
            var refused = Assert.Single(claims, r => r.Status != HttpStatusCode.Created);
            Assert.Equal(HttpStatusCode.Conflict, refused.Status);
            Assert.Contains("entry.clause.oncePerYear", refused.Text);
            Assert.Equal(HttpStatusCode.InternalServerError, replies[4].Status);

            // The openers, three entries and one of the claims: nothing of the two that failed.
            Assert.Equal(before + openers.Length + 4, await App.EventCount());
            Assert.Empty(await App.Rows($"select 1 from \"{App.Schema}\".mt_events where data->>'reason' in ('答复存不下')"));
            await AssertChainValid();
        }
        finally
        {
            await App.Sql($"""drop trigger refuse_one_answer on "{App.Schema}".hl_idempotency; drop function "{App.Schema}".refuse_one_answer();""");
        }
    }

    [Fact]
    public async Task A_key_sent_again_while_its_first_attempt_waits_in_a_batch_is_answered_once()
    {
        var unit = await App.NewUnit();
        var before = await App.EventCount();
        Reply first, acrossBatches;
        Reply[] sameBatch, openers;
        await using (var held = await HoldChain())
        {
            // Its first attempt is in a batch waiting at the seal; the repeat queues behind it.
            var sent = App.Post("/api/entries", Entry("B1", unit, reason: "重试甲"), "gc-retry");
            var others = await FillLanes(held, unit, sent);
            var repeat = App.Post("/api/entries", Entry("B1", unit, reason: "重试甲"), "gc-retry");
            // Two attempts with one key in the same batch.
            var twins = new[]
            {
                App.Post("/api/entries", Entry("B1", unit, reason: "重试乙"), "gc-twins"),
                App.Post("/api/entries", Entry("B1", unit, reason: "重试乙"), "gc-twins"),
            };
            await UntilQueued(3);
            await held.Release();
            first = await sent;
            acrossBatches = await repeat;
            sameBatch = await Task.WhenAll(twins);
            openers = await Task.WhenAll(others.Skip(1));
        }

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, acrossBatches.Status);
        Assert.Equal(first.Json.GetProperty("id").GetGuid(), acrossBatches.Json.GetProperty("id").GetGuid());
        Assert.All(sameBatch, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Equal(sameBatch[0].Json.GetProperty("id").GetGuid(), sameBatch[1].Json.GetProperty("id").GetGuid());
        Assert.All(openers, o => Assert.Equal(HttpStatusCode.Created, o.Status));
        Assert.Equal(before + 2 + openers.Length, await App.EventCount());
        await AssertChainValid();
    }

    [Fact]
    public async Task The_chain_verifies_after_concurrent_batches()
    {
        var unit = await App.NewUnit();
        var person = await App.NewPerson(unit, "2020-01-01");
        var before = await App.EventCount();
        var replies = await Task.WhenAll(Enumerable.Range(0, 48).Select(i =>
            App.Post("/api/entries", Entry(i % 3 == 0 ? "B2.1" : "B1", unit, i % 3 == 0 ? person : null, $"并发{i}"), i % 2 == 0 ? $"gc-many-{i}" : null)));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Equal(48, replies.Select(r => r.Json.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.Equal(before + 48, await App.EventCount());
        var report = await AssertChainValid();
        Assert.Equal(before + 48, report.GetProperty("linksVerified").GetInt64());
    }

    [Fact]
    public async Task A_batch_cut_off_before_its_commit_leaves_nothing_written_and_no_write_acknowledged()
    {
        var unit = await App.NewUnit();
        var before = await App.EventCount();
        var bodies = Enumerable.Range(0, 5).Select(i => (Key: $"gc-cut-{i}", Body: Entry("B1", unit, reason: $"中断{i}"))).ToArray();
        Reply[] cut, openers;
        await using (var held = await HoldChain())
        {
            var first = await FillLanes(held, unit);
            var sent = bodies.Select(b => App.Post("/api/entries", b.Body, b.Key)).ToArray();
            await UntilQueued(sent.Length);
            // Every batch's connection dies while it waits to seal, as when the host or the database goes.
            var all = Task.WhenAll(first.Concat(sent));
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (!all.IsCompleted)
            {
                await held.TerminateWaiters();
                await Task.WhenAny(all, Task.Delay(20, limit.Token));
            }

            openers = await Task.WhenAll(first);
            cut = await Task.WhenAll(sent);
        }

        Assert.All(openers, r => Assert.Equal(HttpStatusCode.InternalServerError, r.Status));
        Assert.All(cut, r => Assert.Equal(HttpStatusCode.InternalServerError, r.Status));
        Assert.Equal(before, await App.EventCount());

        // Each client retries with its key: every entry is written once.
        foreach (var (key, body) in bodies) Assert.Equal(HttpStatusCode.Created, (await App.Post("/api/entries", body, key)).Status);
        foreach (var (key, body) in bodies) Assert.Equal(HttpStatusCode.Created, (await App.Post("/api/entries", body, key)).Status);
        Assert.Equal(before + bodies.Length, await App.EventCount());
        await AssertChainValid();
    }

    [Fact]
    public async Task Entries_from_several_officers_written_together_each_keep_their_own_author_and_request()
    {
        // Entries without a key share one session in their batch: each must still carry who sent it and under which request.
        var unit = await App.NewUnit();
        var before = await App.EventCount();
        string[] officers = ["office-zhao", "office-qian", "office-sun"];
        Reply[] replies, openers;
        await using (var held = await HoldChain())
        {
            var first = await FillLanes(held, unit);
            var sent = officers.Select((officer, i) => SendAs(officer, $"gc-author-{i}", Entry("B1", unit, reason: $"同批作者{i}"))).ToArray();
            await UntilQueued(sent.Length);
            await held.Release();
            openers = await Task.WhenAll(first);
            Assert.All(openers, o => Assert.Equal(HttpStatusCode.Created, o.Status));
            replies = await Task.WhenAll(sent);
        }

        for (var i = 0; i < officers.Length; i++)
        {
            Assert.True(replies[i].Status == HttpStatusCode.Created, replies[i].Text);
            Assert.Equal(officers[i], replies[i].Json.GetProperty("recordedBy").GetString());
            var stored = Assert.Single(await App.Rows(
                $"select user_name, correlation_id from \"{App.Schema}\".mt_events where data->>'reason' = '同批作者{i}'"));
            Assert.Equal(officers[i], stored[0]);
            Assert.Equal($"gc-author-{i}", stored[1]);
        }

        Assert.Equal(before + openers.Length + officers.Length, await App.EventCount());
        await AssertChainValid();
    }

    [Fact]
    public async Task A_batch_written_in_one_statement_stores_what_Marten_stores_for_an_entry_alone()
    {
        // Without a key, the batch's entries go in one statement; with one, an entry goes through Marten's own
        // append in its savepoint. What each leaves in the store must be the same, read back through Marten.
        var unit = await App.NewUnit();
        var person = await App.NewPerson(unit, "2020-01-01");
        Reply[] together, openers;
        Reply alone;
        await using (var held = await HoldChain())
        {
            var first = await FillLanes(held, unit);
            var sent = new[]
            {
                SendAs("office-zhao", "gc-one-0", Entry("B2.1", unit, person, "一条语句一")),
                SendAs("office-qian", "gc-one-1", Entry("B3", unit, person, "一条语句二")),
                SendAs("office-sun", "gc-one-2", Entry("D3.2", unit, reason: "一条语句三")),
            };
            await UntilQueued(sent.Length);
            await held.Release();
            openers = await Task.WhenAll(first);
            together = await Task.WhenAll(sent);
        }

        Assert.All(openers.Concat(together), r => Assert.True(r.Status == HttpStatusCode.Created, r.Text));
        alone = await App.Post("/api/entries", Entry("B2.1", unit, person, "马丁自己写"), "gc-one-statement-marten");
        Assert.True(alone.Status == HttpStatusCode.Created, alone.Text);
        var ids = together.Select(r => r.Json.GetProperty("id").GetGuid()).ToArray();
        var reference = alone.Json.GetProperty("id").GetGuid();

        await using (var session = App.Store.QuerySession())
        {
            var marten = Assert.Single(await session.Events.FetchStreamAsync(reference));
            var martenState = (await session.Events.FetchStreamStateAsync(reference))!;
            for (var i = 0; i < ids.Length; i++)
            {
                var e = Assert.Single(await session.Events.FetchStreamAsync(ids[i]));
                Assert.Equal(marten.EventType, e.EventType);
                Assert.Equal(marten.EventTypeName, e.EventTypeName);
                Assert.Equal(marten.DotNetTypeName, e.DotNetTypeName);
                Assert.Equal(1, e.Version);
                Assert.Equal(marten.TenantId, e.TenantId);
                Assert.Equal(new[] { "office-zhao", "office-qian", "office-sun" }[i], e.UserName);
                Assert.Equal($"gc-one-{i}", e.CorrelationId);
                var state = (await session.Events.FetchStreamStateAsync(ids[i]))!;
                Assert.Equal(martenState.Version, state.Version);
                Assert.Equal(martenState.AggregateType, state.AggregateType);
                Assert.Equal(martenState.IsArchived, state.IsArchived);

                // The inline snapshot, as Marten loads it and as the answer gave it.
                var entry = (await session.LoadAsync<Hotline.Ledger.Entries.Entry>(ids[i]))!;
                Assert.Equal(e.Timestamp, entry.RecordedAt);
                Assert.Equal(((Hotline.Ledger.Entries.EntryRecorded)e.Data).Reason, entry.Reason);
                Assert.Equal(together[i].Json.GetProperty("recordedAt").GetDateTimeOffset(), entry.RecordedAt);
            }
        }

        // Row for row, what differs is only what differs between two entries (ids, texts, instants).
        string Rows(string table, string columns, string key) =>
            $"select {columns} from \"{App.Schema}\".{table} where {key} = any(array['{string.Join("','", ids.Append(reference))}']::uuid[]) order by {key} = '{reference}' desc";
        foreach (var (table, columns, key) in new[]
                 {
                     ("mt_streams", "type, version, tenant_id, is_archived, compacted_version", "id"),
                     ("mt_events", "version, type, tenant_id, mt_dotnet_type, is_archived, bdata is null, data - 'entryId' - 'reason' - 'recordedBy' - 'clause' - 'points' - 'personId'", "stream_id"),
                     ("mt_doc_entry", "mt_dotnet_type, mt_version, unit_id, year, occurred_on, rescinded_at, recorded_at is not null, data - 'id' - 'reason' - 'recordedAt' - 'recordedBy' - 'clause' - 'points' - 'personId'", "id"),
                 })
        {
            var rows = await App.Rows(Rows(table, columns, key));
            Assert.Equal(ids.Length + 1, rows.Count);
            foreach (var row in rows.Skip(1)) Assert.Equal(rows[0].Select(v => v?.ToString()), row.Select(v => v?.ToString()));
        }

        // The once-per-year claim was taken in the statement's batch, the entries count in the score's rows,
        // a rescission continues the stream at version 2, and the chain verifies.
        var twice = await App.Post("/api/entries", Entry("B3", unit, person, "一年第二次"));
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);
        var rescinded = await App.Post($"/api/entries/{ids[0]}/rescind", new { reason = "更正" });
        Assert.True(rescinded.Status == HttpStatusCode.OK, rescinded.Text);
        Assert.Equal("rescinded", (await App.Ok($"/api/entries/{ids[0]}")).GetProperty("status").GetString());
        await AssertChainValid();
    }

    [Fact]
    public async Task Keyed_entries_are_saved_with_the_others_their_keys_and_answers_in_the_same_commit()
    {
        var unit = await App.NewUnit();
        var before = await App.EventCount();
        Reply[] together, again, openers;
        await using (var held = await HoldChain())
        {
            var first = await FillLanes(held, unit);
            var sent = new[]
            {
                App.Post("/api/entries", Entry("B1", unit, reason: "带键同批一"), "gc-keyed-1"),
                App.Post("/api/entries", Entry("B1", unit, reason: "带键同批二"), "gc-keyed-2"),
                App.Post("/api/entries", Entry("D3.2", unit, reason: "无键同批")),
            };
            await UntilQueued(sent.Length);
            await held.Release();
            openers = await Task.WhenAll(first);
            together = await Task.WhenAll(sent);
        }

        Assert.All(together, r => Assert.True(r.Status == HttpStatusCode.Created, r.Text));
        // One save for the three, keyed or not: one recorded instant, as the events of one session have.
        Assert.Single(together.Select(r => r.Json.GetProperty("recordedAt").GetDateTimeOffset()).Distinct());
        foreach (var (key, reply) in new[] { ("gc-keyed-1", together[0]), ("gc-keyed-2", together[1]) })
        {
            // The key's answer was kept in the same commit, byte for byte what the client was given.
            var kept = Assert.Single(await App.Rows(
                $"select status_code, convert_from(body, 'UTF8') from \"{App.Schema}\".hl_idempotency where scope like '%|{key}'"));
            Assert.Equal(201, kept[0]);
            Assert.Equal(reply.Text, kept[1]);
        }

        again = await Task.WhenAll(
            App.Post("/api/entries", Entry("B1", unit, reason: "带键同批一"), "gc-keyed-1"),
            App.Post("/api/entries", Entry("B1", unit, reason: "带键同批三"), "gc-keyed-3"),
            App.Post("/api/entries", Entry("B1", unit, reason: "别的请求"), "gc-keyed-2"));

        // The repeat is answered what its first attempt was; the new key is recorded; a key reused for another
        // request is refused; nothing is written twice. (A key taken while its batch is saved — twins in one batch,
        // a repeat while the first attempt's batch commits — sends the batch back to one by one: see the test above.)
        Assert.Equal(HttpStatusCode.Created, again[0].Status);
        Assert.Equal(together[0].Text, again[0].Text);
        Assert.True(again[1].Status == HttpStatusCode.Created, again[1].Text);
        Assert.Equal(HttpStatusCode.Conflict, again[2].Status);
        Assert.Contains("idempotency.reused", again[2].Text);
        Assert.Equal(before + openers.Length + 4, await App.EventCount());
        await AssertChainValid();
    }

    private async Task<Reply> SendAs(string officer, string correlation, object body)
    {
        using var client = App.ClientFor(officer, [Roles.Office]);
        client.DefaultRequestHeaders.Add("X-Correlation-Id", correlation);
        return await Caller.Send(client, HttpMethod.Post, "/api/entries", JsonContent.Create(body), null);
    }

    /// <summary>
    /// Gives every lane of the group commit a batch waiting at its seal (<paramref name="first"/>, if given, is the
    /// first of them; the others are plain entries), so that what is sent next queues until the chain is let go.
    /// </summary>
    [Fact]
    public async Task A_batch_waiting_on_the_chains_lock_is_shown_at_its_seal_and_its_lane_idle_once_it_has_committed()
    {
        // What the benchmark's stall watch prints beside the database's locks when an entry is slow to be answered.
        var unit = await App.NewUnit();
        Task<Reply>[] first;
        await using (var held = await HoldChain())
        {
            first = await FillLanes(held, unit);
            Assert.Equal(Writer.Lanes, System.Text.RegularExpressions.Regex.Count(Writer.State, @"lane \d+: seal "));
            await held.Release();
        }

        Assert.All(await Task.WhenAll(first), r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.True(await Eventually.Holds(() => Task.FromResult(
            System.Text.RegularExpressions.Regex.Count(Writer.State, @"lane \d+: idle ") == Writer.Lanes), TimeSpan.FromMinutes(1)), Writer.State);
        await AssertChainValid();
    }

    [Fact]
    public async Task A_batch_that_takes_the_chains_lock_in_its_save_and_a_registry_write_waiting_with_it_seal_into_one_chain()
    {
        // A batch of entries alone takes the chain's lock and reads its head as the last statements of its save; the
        // registry seals at its commit. Waiting on the lock together, whichever goes second must link onto the head the
        // first committed: a head read before the lock was granted would put two links at one position.
        var unit = await App.NewUnit();
        var before = await App.EventCount();
        Task<Reply>[] first, queued;
        Task<Reply> registry;
        await using (var held = await HoldChain())
        {
            first = await FillLanes(held, unit);
            Assert.Equal(Writer.Lanes, System.Text.RegularExpressions.Regex.Count(Writer.State, @"lane \d+: seal in the joint save"));
            registry = App.Post("/api/units", new { code = "U" + Guid.NewGuid().ToString("N")[..8], name = "同锁单位" });
            await held.UntilWritersWait(Writer.Lanes + 1);
            queued = Enumerable.Range(0, 6).Select(i => App.Post("/api/entries", Entry("B1", unit, reason: $"锁后{i}"), i % 2 == 0 ? $"gc-lock-{i}" : null)).ToArray();
            await UntilQueued(queued.Length);
            await held.Release();
        }

        Assert.All(await Task.WhenAll(first.Concat(queued)), r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Equal(HttpStatusCode.Created, (await registry).Status);
        var events = await App.EventCount();
        Assert.True(events >= before + Writer.Lanes + queued.Length + 1, $"{events} events after {before}");
        var report = await AssertChainValid();
        Assert.Equal(events, report.GetProperty("linksVerified").GetInt64());
        var links = await App.Rows($"select count(*), count(distinct position), max(position) from \"{App.Schema}\".{ChainStorage.TableName}");
        Assert.Equal(events, (long)links[0][0]!);
        Assert.Equal(events, (long)links[0][1]!);
        Assert.Equal(events, (long)links[0][2]!);
    }

    private async Task<Task<Reply>[]> FillLanes(HeldChain held, Guid unit, Task<Reply>? first = null)
    {
        var waiting = new List<Task<Reply>>();
        if (first is not null)
        {
            waiting.Add(first);
            await held.UntilWritersWait(1);
        }

        while (waiting.Count < Writer.Lanes)
        {
            waiting.Add(App.Post("/api/entries", Entry("B1", unit, reason: $"先行{waiting.Count}")));
            await held.UntilWritersWait(waiting.Count);
        }

        return waiting.ToArray();
    }

    private async Task UntilQueued(int count)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (Writer.Waiting < count) await Task.Delay(20, limit.Token);
    }

    private async Task<JsonElement> AssertChainValid()
    {
        var reply = await App.As("auditor-qian", [Roles.Auditor]).Get("/api/integrity");
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
        Assert.True(reply.Json.GetProperty("valid").GetBoolean(), reply.Text);
        return reply.Json;
    }

    private async Task<HeldChain> HoldChain()
    {
        var connection = new NpgsqlConnection(LedgerApp.ConnectionString);
        await connection.OpenAsync();
        var held = new HeldChain(connection, ChainStorage.LockKey(App.Schema));
        await held.Execute("select pg_advisory_lock($1)");
        return held;
    }

    /// <summary>The chain's lock, held by the test: whoever seals next waits for it.</summary>
    private sealed class HeldChain(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        private bool _held = true;

        // A 64-bit advisory key shows in pg_locks as its two halves.
        private string Waiters =>
            $"from pg_locks where locktype = 'advisory' and not granted and objsubid = 1 and classid::bigint = {(key >> 32) & 0xffffffff} and objid::bigint = {key & 0xffffffff}";

        /// <summary>Until <paramref name="count"/> batches wait at their seal.</summary>
        public async Task UntilWritersWait(int count)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (await Scalar($"select count(*) {Waiters}") < count) await Task.Delay(20, limit.Token);
        }

        /// <summary>Cuts off the connection of every batch waiting at its seal.</summary>
        public Task TerminateWaiters() => Execute($"select pg_terminate_backend(pid) {Waiters}");

        public async Task Release()
        {
            if (!_held) return;
            await Execute("select pg_advisory_unlock($1)");
            _held = false;
        }

        public async Task Execute(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            if (sql.Contains("$1")) command.Parameters.AddWithValue(key);
            await command.ExecuteNonQueryAsync();
        }

        private async Task<long> Scalar(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        public async ValueTask DisposeAsync()
        {
            await Release();
            await connection.DisposeAsync();
        }
    }
}
