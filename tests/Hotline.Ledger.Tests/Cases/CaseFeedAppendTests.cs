using Hotline.Ledger.Cases;
using Hotline.Ledger.Tests.Support;
using Marten;

namespace Hotline.Ledger.Tests.Cases;

/// <summary>
/// The feed appends a batch's events to all its case streams in one statement of its own instead of Marten's
/// append; what it writes must be what Marten would have written, read back through Marten, and sealed.
/// </summary>
public class CaseFeedAppendTests(CaseFeedApp app) : CaseFeedTest(app)
{
    [Fact]
    public async Task Case_events_read_back_through_Marten_in_order_with_their_versions_instants_author_and_seal()
    {
        var year = Stage();
        var unit = await App.NewUnit();
        MoveTo(Local(year, 6, 1));
        var at = Local(year, 5, 10, 9);

        // A new case with three events in one batch, and another new case between them in the input.
        var first = await Ingest(
            Row("A1", "APP-1", "assigned", at, unit, replyDueAt: at.AddDays(1)),
            Row("B1", "APP-2", "assigned", at, unit),
            Row("A2", "APP-1", "replied", at.AddHours(2)),
            Row("A3", "APP-1", "completed", at.AddHours(3)));
        Clock.Advance(TimeSpan.FromMinutes(5));
        // Both cases go on in a second batch: their versions continue from the stored ones.
        var second = await Ingest(
            Row("B2", "APP-2", "completed", at.AddHours(4)),
            Row("A4", "APP-1", "onlineVote", at.AddHours(5), result: "satisfied"));
        var firstAt = first.GetProperty("recordedAt").GetDateTimeOffset();
        var secondAt = second.GetProperty("recordedAt").GetDateTimeOffset();

        await using var session = App.Store.QuerySession();
        var a = await session.Events.FetchStreamAsync(CaseIds.StreamOf("APP-1"));
        Assert.Equal([typeof(CaseAssigned), typeof(CaseReplied), typeof(CaseCompleted), typeof(CaseVotedOnline)], a.Select(e => e.EventType));
        Assert.Equal([1L, 2, 3, 4], a.Select(e => e.Version));
        Assert.Equal([firstAt, firstAt, firstAt, secondAt], a.Select(e => e.Timestamp));
        Assert.Equal(a.Select(e => e.Sequence).Order(), a.Select(e => e.Sequence));
        Assert.All(a, e => Assert.False(string.IsNullOrEmpty(e.UserName)));
        Assert.Equal("APP-1", ((CaseAssigned)a[0].Data).CaseNumber);

        var b = await session.Events.FetchStreamAsync(CaseIds.StreamOf("APP-2"));
        Assert.Equal([1L, 2], b.Select(e => e.Version));
        // Log order is stream by stream within a batch: APP-1's three events, then APP-2's first.
        Assert.Equal(a[2].Sequence + 1, b[0].Sequence);

        var state = await session.Events.FetchStreamStateAsync(CaseIds.StreamOf("APP-1"));
        Assert.Equal(4, state!.Version);

        var file = await App.Ok("/api/cases/APP-1");
        Assert.Equal(["A1", "A2", "A3", "A4"], file.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("eventId").GetString()));

        // Every event is sealed into the chain, which verifies.
        var integrity = await App.Ok("/api/integrity");
        Assert.True(integrity.GetProperty("valid").GetBoolean(), integrity.ToString());
        Assert.Equal(await App.EventCount(), integrity.GetProperty("linksVerified").GetInt64());
    }

    [Fact]
    public async Task Batches_sealing_at_once_with_other_writers_leave_one_chain_that_verifies()
    {
        var year = Stage();
        var unit = await App.NewUnit();
        MoveTo(Local(year, 6, 1));
        var at = Local(year, 5, 10, 9);
        object[] Batch(string prefix) => Enumerable.Range(0, 150)
            .Select(i => i < 60
                ? Row($"{prefix}{i}", $"{prefix}-{i}", "assigned", at.AddMinutes(i), unit, replyDueAt: at.AddDays(1))
                : Row($"{prefix}{i}", $"{prefix}-{i % 60}", "replied", at.AddMinutes(i)))
            .ToArray();

        // Four batches and two registry writes seal at the same moment: each takes the head under the chain's
        // lock and commits before the next reads it, so the links form one chain in commit order.
        var batches = Task.WhenAll(Ingest(Batch("P")), Ingest(Batch("Q")), Ingest(Batch("R")), Ingest(Batch("S")));
        var others = Task.WhenAll(App.NewUnit(), App.NewUnit());
        var answers = await batches;
        await others;
        Assert.All(answers, a => Assert.Equal(150, a.GetProperty("accepted").GetInt32()));

        var integrity = await App.Ok("/api/integrity");
        Assert.True(integrity.GetProperty("valid").GetBoolean(), integrity.ToString());
        Assert.Equal(await App.EventCount(), integrity.GetProperty("linksVerified").GetInt64());
    }

    [Fact]
    public async Task A_keyed_batch_sent_twice_is_appended_and_sealed_once_in_the_requests_transaction()
    {
        var year = Stage();
        var unit = await App.NewUnit();
        MoveTo(Local(year, 6, 1));
        var at = Local(year, 5, 10, 9);
        var body = new { events = new[] { Row("K1", "KEY-1", "assigned", at, unit, replyDueAt: at.AddDays(1)), Row("K2", "KEY-1", "replied", at.AddHours(1)) } };

        // The keyed request's sessions write through its one transaction: the seal's lock and head are read in it too.
        var first = await App.Post("/api/cases/events", body, "feed-seal-key");
        var again = await App.Post("/api/cases/events", body, "feed-seal-key");
        Assert.Equal(System.Net.HttpStatusCode.OK, first.Status);
        Assert.Equal(2, first.Json.GetProperty("accepted").GetInt32());
        Assert.Equal(first.Text, again.Text);
        await using (var session = App.Store.QuerySession())
            Assert.Equal(2, (await session.Events.FetchStreamAsync(CaseIds.StreamOf("KEY-1"))).Count);

        var integrity = await App.Ok("/api/integrity");
        Assert.True(integrity.GetProperty("valid").GetBoolean(), integrity.ToString());
        Assert.Equal(await App.EventCount(), integrity.GetProperty("linksVerified").GetInt64());
    }
}
