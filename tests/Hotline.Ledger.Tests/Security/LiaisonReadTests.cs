using System.Net;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Security;

/// <summary>What a liaison reads of scores, the evidence trail and appeals, what they may appeal, and that reads are recorded.</summary>
[Collection(SecurityCollection.Name)]
public class LiaisonReadTests(LedgerApp app) : LedgerTest(app)
{
    private Caller Auditor => App.As("auditor-he", [Roles.Auditor]);

    private async Task<(Guid Own, Guid Other, Guid Mover)> TwoUnitsAndAMover()
    {
        var own = await App.NewUnit("LR-OWN");
        var other = await App.NewUnit("LR-OTHER");
        var mover = await App.NewPerson(other, "2020-01-01");
        await App.Created("/api/entries", new { clause = "D1", unitId = other, personId = mover, occurredOn = "2020-03-03", points = 5, reason = "拖延被投诉" });
        await App.Created($"/api/people/{mover}/transfers", new { toUnitId = own, effectiveOn = "2020-07-01" }, HttpStatusCode.OK);
        await App.Created("/api/entries", new { clause = "B2.2", unitId = own, personId = mover, occurredOn = "2020-08-08", reason = "感谢信" });
        await App.Created("/api/entries", new { clause = "B1", unitId = other, occurredOn = "2020-08-09", reason = "信息被采用" });
        await App.Created("/api/marks", new { year = 2020, clause = "I1", personId = mover, points = 5, reason = "政治素质好" });
        return (own, other, mover);
    }

    [Fact]
    public async Task The_evidence_trail_shows_a_liaison_only_their_units_rows()
    {
        var (own, _, mover) = await TwoUnitsAndAMover();
        var liaison = App.AsLiaison("LR-OWN");

        var trail = await liaison.Get("/api/evidence");
        Assert.Equal(HttpStatusCode.OK, trail.Status);
        var rows = trail.Json.EnumerateArray().ToList();
        // The own unit's entry, and the mark on the person who is now the unit's; not the other unit's entries.
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.GetProperty("what").GetString() == "entry" && r.GetProperty("unitId").GetGuid() == own);
        Assert.Contains(rows, r => r.GetProperty("what").GetString() == "mark" && r.GetProperty("personId").GetGuid() == mover);

        var byPerson = await liaison.Get($"/api/evidence?personId={mover}");
        Assert.Equal(2, byPerson.Json.GetArrayLength());
        Assert.Equal(4, (await Auditor.Get("/api/evidence")).Json.GetArrayLength());
    }

    [Fact]
    public async Task A_liaison_asking_for_another_units_trail_or_scores_is_refused()
    {
        var (_, other, _) = await TwoUnitsAndAMover();
        var liaison = App.AsLiaison("LR-OWN");
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Get($"/api/evidence?unitId={other}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Get($"/api/units/{other}/score?year=2020")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Get("/api/rankings?year=2020")).Status);
    }

    [Fact]
    public async Task Score_replays_and_evidence_reads_are_recorded_with_reader_subject_and_query()
    {
        var (own, _, mover) = await TwoUnitsAndAMover();
        var liaison = App.AsLiaison("LR-OWN", "liaison-ma");
        Assert.Equal(HttpStatusCode.OK, (await liaison.Get($"/api/units/{own}/score?year=2020&asOf=2020-06-30")).Status);
        Assert.Equal(HttpStatusCode.OK, (await liaison.Get($"/api/people/{mover}/score?year=2020")).Status);
        Assert.Equal(HttpStatusCode.OK, (await liaison.Get($"/api/evidence?personId={mover}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await liaison.Get($"/api/units/{own}/rates?year=2020")).Status);

        var reads = (await Auditor.Get("/api/audit/reads?reader=liaison-ma")).Json.EnumerateArray().Reverse().ToList();
        Assert.Equal(["scoreReplay", "scoreReplay", "evidenceTrail", "rates"], reads.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal(own, reads[0].GetProperty("unitId").GetGuid());
        Assert.Equal("?year=2020&asOf=2020-06-30", reads[0].GetProperty("query").GetString());
        Assert.Equal(mover, reads[1].GetProperty("personId").GetGuid());
        Assert.All(reads, r => Assert.Equal("LR-OWN", r.GetProperty("readerUnit").GetString()));
    }

    [Fact]
    public async Task A_liaison_appeals_only_their_own_units_entries_and_sees_only_their_appeals()
    {
        var own = await App.NewUnit("AP-OWN");
        var other = await App.NewUnit("AP-OTHER");
        var ownEntry = (await App.Created("/api/entries", new { clause = "D2", unitId = own, occurredOn = "2020-05-05", points = 6, reason = "被通报批评" })).GetProperty("id").GetGuid();
        var otherEntry = (await App.Created("/api/entries", new { clause = "D2", unitId = other, occurredOn = "2020-05-05", points = 6, reason = "被通报批评" })).GetProperty("id").GetGuid();
        var liaison = App.AsLiaison("AP-OWN");

        await Refused(() => liaison.Post("/api/appeals", new { entryId = otherEntry, reason = "不是我们的" }), HttpStatusCode.Forbidden);
        await Refused(() => liaison.Post("/api/appeals", new { criterion = "U1.1", unitId = other, year = 2020, reason = "不是我们的" }), HttpStatusCode.Forbidden);
        var mine = await liaison.Post("/api/appeals", new { entryId = ownEntry, reason = "已按时答复" });
        Assert.Equal(HttpStatusCode.Created, mine.Status);
        var theirs = await App.Created("/api/appeals", new { entryId = otherEntry, reason = "申诉" });

        var listed = await liaison.Get("/api/appeals");
        Assert.Equal([mine.Json.GetProperty("id").GetGuid()], listed.Json.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Get($"/api/appeals/{theirs.GetProperty("id").GetGuid()}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Get($"/api/appeals/{Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await liaison.Get($"/api/appeals/{mine.Json.GetProperty("id").GetGuid()}")).Status);
    }

    [Fact]
    public async Task A_liaison_opens_their_own_units_cases_only()
    {
        var own = await App.NewUnit("CS-OWN");
        var other = await App.NewUnit("CS-OTHER");
        await App.Created("/api/cases/events", new
        {
            events = new[]
            {
                new { eventId = "E-1", caseNumber = "XY-OWN-1", type = "assigned", at = "2020-03-01T00:00:00Z", unitId = own },
                new { eventId = "E-2", caseNumber = "XY-OTHER-1", type = "assigned", at = "2020-03-01T00:00:00Z", unitId = other },
            },
        }, HttpStatusCode.OK);

        var liaison = App.AsLiaison("CS-OWN");
        Assert.Equal(HttpStatusCode.OK, (await liaison.Get("/api/cases/XY-OWN-1")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Get("/api/cases/XY-OTHER-1")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Get("/api/cases/XY-NO-SUCH")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get("/api/cases/XY-NO-SUCH")).Status);
    }
}
