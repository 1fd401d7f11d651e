using Hotline.Ledger.Cases;
using Hotline.Ledger.Tests.Support;
using Marten;

namespace Hotline.Ledger.Tests.Cases;

/// <summary>
/// The feed claims a batch's ids inside its append's own statement; an id claimed before makes that statement fail
/// and the batch is done again claiming first. Either way each platform event is appended once, and the answer
/// counts what was appended and what was a duplicate exactly as before.
/// </summary>
public class CaseFeedClaimTests(CaseFeedApp app) : CaseFeedTest(app)
{
    [Fact]
    public async Task A_later_batch_mixing_ids_seen_before_with_new_ones_appends_only_the_new_ones()
    {
        var year = Stage();
        var unit = await App.NewUnit();
        MoveTo(Local(year, 6, 1));
        var at = Local(year, 5, 10, 9);
        await Ingest(
            Row("M1", "MIX-1", "assigned", at, unit, replyDueAt: at.AddDays(1)),
            Row("M2", "MIX-2", "assigned", at, unit));
        var events = await App.EventCount();

        // M1 again (other content: still the same platform event) beside a new event of the same case and a new case.
        var again = await Ingest(
            Row("M1", "MIX-1", "assigned", at.AddHours(1), unit),
            Row("M3", "MIX-1", "replied", at.AddHours(2)),
            Row("M4", "MIX-3", "assigned", at, unit));
        Assert.Equal((2, 1), (again.GetProperty("accepted").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal(events + 2, await App.EventCount());

        var file = await App.Ok("/api/cases/MIX-1");
        Assert.Equal(["M1", "M3"], file.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("eventId").GetString()));
        await using (var session = App.Store.QuerySession())
            Assert.Equal([1L, 2], (await session.Events.FetchStreamAsync(CaseIds.StreamOf("MIX-1"))).Select(e => e.Version));

        var rates = await App.Ok($"/api/units/{unit}/rates?year={year}");
        Assert.Equal(3, rates.GetProperty("assigned").GetInt32());

        var integrity = await App.Ok("/api/integrity");
        Assert.True(integrity.GetProperty("valid").GetBoolean(), integrity.ToString());
        Assert.Equal(await App.EventCount(), integrity.GetProperty("linksVerified").GetInt64());
    }

    [Fact]
    public async Task The_same_batch_sent_twice_at_once_is_appended_once()
    {
        var year = Stage();
        var unit = await App.NewUnit();
        MoveTo(Local(year, 6, 1));
        var at = Local(year, 5, 10, 9);
        var rows = Enumerable.Range(0, 120)
            .Select(i => Row($"T{i}", $"TWIN-{i % 40}", i < 40 ? "assigned" : "replied", at.AddMinutes(i), i < 40 ? unit : null,
                replyDueAt: i < 40 ? at.AddDays(1) : null))
            .ToArray();
        var events = await App.EventCount();

        // Neither batch can see the other's claims until it commits: one appends all 120, the other finds every id taken.
        var answers = await Task.WhenAll(Ingest(rows), Ingest(rows), Ingest(rows));
        Assert.Equal(120, answers.Sum(a => a.GetProperty("accepted").GetInt32()));
        Assert.Equal(240, answers.Sum(a => a.GetProperty("duplicates").GetInt32()));
        Assert.Equal(events + 120, await App.EventCount());

        var rates = await App.Ok($"/api/units/{unit}/rates?year={year}");
        Assert.Equal(40, rates.GetProperty("assigned").GetInt32());
        var integrity = await App.Ok("/api/integrity");
        Assert.True(integrity.GetProperty("valid").GetBoolean(), integrity.ToString());
        Assert.Equal(await App.EventCount(), integrity.GetProperty("linksVerified").GetInt64());
    }

    [Fact]
    public async Task A_file_another_writer_changed_since_the_feed_wrote_it_is_read_as_that_writer_left_it()
    {
        var year = Stage();
        var unit = await App.NewUnit();
        MoveTo(Local(year, 6, 1));
        var at = Local(year, 5, 10, 9);
        await Ingest(Row("W1", "MEM-1", "assigned", at, unit, replyDueAt: at.AddDays(1)));

        // Another writer (as the deadline judge does) stores the file with a charge after the feed wrote it.
        var charge = new ReplyCharge(unit, at.AddDays(1), Guid.NewGuid());
        await using (var session = App.Store.LightweightSession())
        {
            var stored = await session.LoadAsync<CaseFile>(CaseIds.StreamOf("MEM-1"));
            stored!.Charges.Add(charge);
            session.Store(stored);
            await session.SaveChangesAsync();
        }

        // The feed's next batch on that case must start from the stored file, not from the one it wrote itself.
        await Ingest(Row("W2", "MEM-1", "replied", at.AddDays(2)));
        var file = await App.Ok("/api/cases/MEM-1");
        Assert.Equal(["W1", "W2"], file.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("eventId").GetString()));
        Assert.Equal(charge.EntryId, Assert.Single(file.GetProperty("charges").EnumerateArray()).GetProperty("entryId").GetGuid());
    }
}
