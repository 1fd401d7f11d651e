using System.Net;
using System.Text.Json;
using Hotline.Ledger.Chain;
using Hotline.Ledger.Integrity;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Ledger.Tests.Security;

[Collection(SecurityCollection.Name)]
public class IntegrityTests(LedgerApp app) : LedgerTest(app)
{
    private string Events => $"\"{App.Schema}\".mt_events";
    private LedgerIntegrity Integrity => App.Host.Services.GetRequiredService<LedgerIntegrity>();

    private async Task<Guid> Ledger(int entries)
    {
        var unit = await App.NewUnit();
        for (var i = 0; i < entries; i++)
            await App.Created("/api/entries", new { clause = "B2.1", unitId = unit, occurredOn = "2020-04-01", reason = $"电话致谢 {i}" });
        return unit;
    }

    private async Task<JsonElement> Verify(string query = "") => await App.As("auditor-qian", [Roles.Auditor]).Get("/api/integrity" + query) switch
    {
        { Status: HttpStatusCode.OK } reply => reply.Json,
        var reply => throw new Xunit.Sdk.XunitException($"GET /api/integrity answered {(int)reply.Status}: {reply.Text}"),
    };

    private async Task<long> SequenceOfEntry(int nth) =>
        (long)(await App.Rows($"select seq_id from {Events} where type = 'entry_recorded' order by seq_id offset {nth} limit 1"))[0][0]!;

    [Fact]
    public async Task An_untouched_ledger_verifies_and_its_head_moves_with_every_append()
    {
        var empty = await Verify();
        Assert.True(empty.GetProperty("valid").GetBoolean());
        Assert.Equal(new string('0', 64), empty.GetProperty("head").GetProperty("digest").GetString());

        await Ledger(3);
        var report = await Verify();
        Assert.True(report.GetProperty("valid").GetBoolean(), report.ToString());
        Assert.Equal(await App.EventCount(), report.GetProperty("linksVerified").GetInt64());
        Assert.Equal(4, report.GetProperty("head").GetProperty("position").GetInt64());
        Assert.Matches("^[0-9a-f]{64}$", report.GetProperty("head").GetProperty("digest").GetString());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("firstBadSequence").ValueKind);

        await Ledger(1);
        var later = await Verify();
        Assert.NotEqual(report.GetProperty("head").GetProperty("digest").GetString(), later.GetProperty("head").GetProperty("digest").GetString());
    }

    [Fact]
    public async Task An_UPDATE_of_an_event_fails_verification_naming_its_sequence()
    {
        await Ledger(4);
        var target = await SequenceOfEntry(1);
        await App.Sql($"update {Events} set data = jsonb_set(data, '{{points}}', '20') where seq_id = {target}");

        var report = await Verify();
        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.Equal(target, report.GetProperty("firstBadSequence").GetInt64());
        var fault = Assert.Single(report.GetProperty("faults").EnumerateArray());
        Assert.Contains("altered", fault.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task An_UPDATE_of_metadata_alone_is_caught_too()
    {
        await Ledger(2);
        var target = await SequenceOfEntry(0);
        await App.Sql($"update {Events} set user_name = 'someone-else' where seq_id = {target}");
        Assert.Equal(target, (await Verify()).GetProperty("firstBadSequence").GetInt64());
    }

    [Fact]
    public async Task A_DELETE_of_an_event_fails_verification_naming_its_sequence()
    {
        await Ledger(4);
        var target = await SequenceOfEntry(2);
        await App.Sql($"delete from {Events} where seq_id = {target}");

        var report = await Verify();
        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.Equal(target, report.GetProperty("firstBadSequence").GetInt64());
        Assert.Contains("no longer in the ledger", report.GetProperty("faults")[0].GetProperty("problem").GetString());
    }

    [Fact]
    public async Task A_removed_link_fails_verification()
    {
        await Ledger(3);
        await App.Sql($"delete from \"{App.Schema}\".{ChainStorage.TableName} where position = 2");
        var report = await Verify();
        Assert.False(report.GetProperty("valid").GetBoolean());
        // The event it sealed is now unsealed (the first bad sequence), and the chain has a hole.
        var sealedAt2 = (long)(await App.Rows($"select seq_id from {Events} where type <> 'tombstone' order by seq_id offset 1 limit 1"))[0][0]!;
        Assert.Equal(sealedAt2, report.GetProperty("firstBadSequence").GetInt64());
        Assert.Contains(report.GetProperty("faults").EnumerateArray(), f => f.GetProperty("problem").GetString()!.Contains("lacks link 2"));
    }

    [Fact]
    public async Task An_event_written_around_the_ledger_is_reported_as_never_sealed()
    {
        await Ledger(2);
        var source = await SequenceOfEntry(0);
        await App.Sql($"""
            create temp table forged as select * from {Events} where seq_id = {source};
            update forged set seq_id = nextval('"{App.Schema}".mt_events_sequence'), id = gen_random_uuid(), version = version + 1000;
            insert into {Events} select * from forged;
            """);
        var forged = (long)(await App.Rows($"select max(seq_id) from {Events}"))[0][0]!;

        var report = await Verify();
        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.Equal(forged, report.GetProperty("firstBadSequence").GetInt64());
        Assert.Equal(1, report.GetProperty("eventsUnsealed").GetInt64());
    }

    [Fact]
    public async Task A_printed_digest_is_checked_against_the_chain_recomputed_today()
    {
        await Ledger(3);
        var head = await Integrity.HeadAsync();
        await Ledger(2);

        var intact = await Verify($"?position={head.Position}&digest={head.Digest}");
        Assert.True(intact.GetProperty("published").GetProperty("matches").GetBoolean(), intact.ToString());

        // Someone rewrites an event and recomputes every stored hash after it: the chain is consistent
        // again, but the digest printed before no longer comes out.
        var target = await SequenceOfEntry(0);
        await App.Sql($"update {Events} set data = jsonb_set(data, '{{reason}}', '\"改写\"') where seq_id = {target}");
        await Reseal();
        Assert.True((await Verify()).GetProperty("valid").GetBoolean());
        var rewritten = await Verify($"?position={head.Position}&digest={head.Digest}");
        Assert.False(rewritten.GetProperty("valid").GetBoolean());
        Assert.False(rewritten.GetProperty("published").GetProperty("matches").GetBoolean());
    }

    // What an intruder with database access would do to hide an edit: recompute the stored chain.
    private async Task Reseal()
    {
        var rows = await App.Rows($"select c.position, {ChainedEvent.Columns} from \"{App.Schema}\".{ChainStorage.TableName} c join {Events} e on e.seq_id = c.seq_id order by c.position");
        var previous = ChainedEvent.Genesis;
        foreach (var row in rows)
        {
            var e = new ChainedEvent((long)row[1]!, (Guid)row[2]!, (string)row[3]!, (long)row[4]!, (string)row[5]!,
                new DateTimeOffset((DateTime)row[6]!), (string?)row[7], (string)row[8]!, (string?)row[9], (string?)row[10]);
            previous = e.Link(previous);
            await App.Sql($"update \"{App.Schema}\".{ChainStorage.TableName} set hash = '{Convert.ToHexStringLower(previous)}' where position = {row[0]}");
        }
    }

    [Fact]
    public async Task The_head_through_a_sequence_stays_the_same_however_much_is_appended_later()
    {
        await Ledger(3);
        var through = (await Integrity.HeadAsync()).Sequence;
        var first = await Integrity.HeadThroughAsync(through);
        await Ledger(3);
        Assert.Equal(first, await Integrity.HeadThroughAsync(through));
        Assert.NotEqual(first, await Integrity.HeadAsync());
    }

    [Fact]
    public async Task Racing_appends_each_get_exactly_one_link_and_the_chain_verifies()
    {
        var unit = await App.NewUnit();
        var racing = Enumerable.Range(0, 12).Select(i =>
            App.Post("/api/entries", new { clause = "B2.2", unitId = unit, occurredOn = "2020-05-05", reason = $"感谢信 {i}" }));
        await Task.WhenAll(racing);
        // Refused appends (a racing duplicate code) leave tombstones, which are not ledger events.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => App.Post("/api/units", new { code = "RACE", name = "竞争" })));

        var report = await Verify();
        Assert.True(report.GetProperty("valid").GetBoolean(), report.ToString());
        Assert.Equal(await App.EventCount(), report.GetProperty("linksVerified").GetInt64());
    }
}
