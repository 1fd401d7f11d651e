using System.Net;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Tests.Support;
using JasperFx.Events.Daemon;
using Marten;

namespace Hotline.Ledger.Tests.Scoring;

[Collection(ScoringCollection.Name)]
public class RebuildTests(LedgerApp app) : LedgerTest(app)
{
    [Fact]
    public async Task A_full_rebuild_of_the_read_models_gives_the_same_answers()
    {
        var first = await App.NewUnit("RB1");
        var second = await App.NewUnit("RB2");
        var person = await App.NewPerson(first, "2020-01-01");
        await App.Created($"/api/people/{person}/transfers", new { toUnitId = second, effectiveOn = "2020-07-01" }, HttpStatusCode.OK);
        var entry = await App.Created("/api/entries", new { clause = "D1", unitId = first, personId = person, occurredOn = "2020-03-01", points = 6, reason = "r" });
        await App.Created("/api/entries", new { clause = "B4", unitId = second, personId = person, occurredOn = "2020-12-01", points = 8, reason = "r" });
        await App.Created("/api/marks", new { year = 2020, clause = "U3.1", unitId = second, points = 7, reason = "r" });
        var rescission = await App.Created($"/api/entries/{entry.GetProperty("id").GetGuid()}/rescind", new { reason = "r" }, HttpStatusCode.OK);
        var beforeRescission = Uri.EscapeDataString(rescission.GetProperty("rescission").GetProperty("rescindedAt").GetDateTimeOffset().AddTicks(-10).UtcDateTime.ToString("O"));

        var now = Uri.EscapeDataString(DateTime.UtcNow.ToString("O"));
        string[] probes =
        [
            $"/api/units/{first}/score?year=2020&knownAt={now}", $"/api/units/{second}/score?year=2020&knownAt={now}",
            $"/api/people/{person}/score?year=2020&knownAt={now}",
            $"/api/units/{first}/score?year=2020&knownAt={beforeRescission}", "/api/rankings?year=2020&asOf=2020-06-30",
            $"/api/evidence?unitId={first}", $"/api/people/{person}", "/api/units",
        ];
        var before = new List<string>();
        foreach (var probe in probes) before.Add((await App.Get(probe)).Text);

        // Wipe the projected rows, then rebuild every read model from the events alone.
        await using (var session = App.Store.LightweightSession())
        {
            session.DeleteWhere<Entry>(_ => true);
            session.DeleteWhere<Mark>(_ => true);
            await session.SaveChangesAsync();
        }
        Assert.NotEqual(before[3], (await App.Get(probes[3])).Text);

        using var daemon = await App.Store.BuildProjectionDaemonAsync();
        foreach (var view in new[] { typeof(Unit), typeof(Person), typeof(Entry), typeof(Mark) })
            await daemon.RebuildProjectionAsync(view.Name, TimeSpan.FromMinutes(1), CancellationToken.None);

        for (var i = 0; i < probes.Length; i++) Assert.Equal(before[i], (await App.Get(probes[i])).Text);
    }
}
