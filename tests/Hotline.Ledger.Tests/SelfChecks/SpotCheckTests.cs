using System.Net;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.SelfChecks;

public class SpotCheckTests(LedgerApp app) : LedgerTest(app)
{
    [Fact]
    public async Task A_spot_check_records_its_findings_and_links_the_entries_it_led_to()
    {
        var unit = await App.NewUnit();
        var entry = await App.Created("/api/entries", new { clause = "D3.2", unitId = unit, occurredOn = "2020-06-10", reason = "抽查发现虚报办结" });
        var entryId = entry.GetProperty("id").GetGuid();

        var check = await App.Created("/api/spot-checks", new { unitId = unit, checkedOn = "2020-06-10", scope = "抽查6月办结件20件", findings = "1件虚报办结" });
        var id = check.GetProperty("id").GetGuid();
        var linked = await App.Created($"/api/spot-checks/{id}/entries", new { entryId }, HttpStatusCode.OK);
        Assert.Equal([entryId], linked.GetProperty("entryIds").EnumerateArray().Select(e => e.GetGuid()));
        await Refused(() => App.Post($"/api/spot-checks/{id}/entries", new { entryId }), HttpStatusCode.Conflict, "entryId");

        var listed = await App.Ok($"/api/spot-checks?unitId={unit}&year=2020");
        Assert.Equal(1, listed.GetArrayLength());
        Assert.Equal("office", listed[0].GetProperty("recordedBy").GetString());
    }

    [Fact]
    public async Task A_spot_check_may_not_link_another_units_entry_or_an_unknown_one()
    {
        var unit = await App.NewUnit();
        var other = await App.NewUnit();
        var foreign = await App.Created("/api/entries", new { clause = "B1", unitId = other, occurredOn = "2020-06-10", reason = "x" });
        await Refused(() => App.Post("/api/spot-checks", new { unitId = unit, checkedOn = "2020-06-10", scope = "s", findings = "f", entryIds = new[] { foreign.GetProperty("id").GetGuid() } }),
            HttpStatusCode.BadRequest, "entryIds");
        await Refused(() => App.Post("/api/spot-checks", new { unitId = unit, checkedOn = "2020-06-10", scope = "s", findings = "f", entryIds = new[] { Guid.NewGuid() } }),
            HttpStatusCode.BadRequest, "entryIds");
        await Refused(() => App.Post("/api/spot-checks", new { unitId = unit, checkedOn = "2020-06-10", scope = "", findings = "f" }), HttpStatusCode.BadRequest, "scope");
        await Refused(() => App.Post($"/api/spot-checks/{Guid.NewGuid()}/entries", new { entryId = Guid.NewGuid() }), HttpStatusCode.NotFound);
    }
}
