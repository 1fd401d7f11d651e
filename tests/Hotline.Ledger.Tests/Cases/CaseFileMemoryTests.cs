using System.Diagnostics.Metrics;
using Hotline.Ledger.Cases;
using Hotline.Ledger.Cases.Feed;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Cases;

/// <summary>
/// The feed's memory of the files it wrote is counted on its meter, so that an operator can tell whether it pays: a
/// file the feed wrote and nobody changed since is a hit, a file another writer changed is a miss read as JSON — and
/// either way the file goes on from what is stored.
/// </summary>
public class CaseFileMemoryTests(CaseFeedApp app) : CaseFeedTest(app)
{
    [Fact]
    public async Task A_file_the_feed_wrote_is_a_hit_and_one_another_writer_changed_is_a_miss_on_the_meter()
    {
        var table = App.Store.Options.Schema.For<CaseFile>();
        long hits = 0, misses = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) => { if (i.Meter.Name == CaseFileMemory.MeterName) l.EnableMeasurementEvents(i); },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) =>
        {
            // Other tests' hosts count on the same meter, each for its own table.
            if (!tags.ToArray().Any(t => t.Key == "table" && Equals(t.Value, table))) return;
            if (i.Name.EndsWith(".hits", StringComparison.Ordinal)) Interlocked.Add(ref hits, v);
            if (i.Name.EndsWith(".misses", StringComparison.Ordinal)) Interlocked.Add(ref misses, v);
        });
        listener.Start();

        var year = Stage();
        var unit = await App.NewUnit();
        MoveTo(Local(year, 6, 1));
        var at = Local(year, 5, 10, 9);
        await Ingest(Row("H1", "HIT-1", "assigned", at, unit, replyDueAt: at.AddDays(1)));
        Assert.Equal((0L, 0L), (Interlocked.Read(ref hits), Interlocked.Read(ref misses)));

        // Nobody else wrote the file: the next batch takes it from memory.
        await Ingest(Row("H2", "HIT-1", "replied", at.AddHours(2)));
        Assert.Equal((1L, 0L), (Interlocked.Read(ref hits), Interlocked.Read(ref misses)));

        // Another writer (as the deadline judge does) stores the file again: the next batch reads it as JSON.
        var charge = new ReplyCharge(unit, at.AddDays(1), Guid.NewGuid());
        await using (var session = App.Store.LightweightSession())
        {
            var stored = await session.LoadAsync<CaseFile>(CaseIds.StreamOf("HIT-1"));
            stored!.Charges.Add(charge);
            session.Store(stored);
            await session.SaveChangesAsync();
        }

        await Ingest(Row("H3", "HIT-1", "completed", at.AddHours(3)));
        Assert.Equal((1L, 1L), (Interlocked.Read(ref hits), Interlocked.Read(ref misses)));
        var file = await App.Ok("/api/cases/HIT-1");
        Assert.Equal(["H1", "H2", "H3"], file.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("eventId").GetString()));
        Assert.Equal(charge.EntryId, Assert.Single(file.GetProperty("charges").EnumerateArray()).GetProperty("entryId").GetGuid());
        Assert.Equal("completed", file.GetProperty("status").GetString());
    }
}
