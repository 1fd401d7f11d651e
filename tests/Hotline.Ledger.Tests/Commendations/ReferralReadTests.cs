using System.Net;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Tests.Commendations;

/// <summary>Who looked at whom the office referred is on file, as the bundle's download always was.</summary>
public class ReferralReadTests(CommendationApp app) : CommendationTest(app)
{
    [Fact]
    public async Task Reading_the_referrals_and_one_referral_is_recorded_in_the_read_audit()
    {
        var unit = await App.NewUnit();
        await Deduct(unit, "D3.2");
        await ApproveYear();
        var referral = (await App.Created("/api/referrals", new { year = 2020 })).GetProperty("referrals")[0];
        var inspector = App.As("inspector-gao", [Roles.Inspector]);

        Assert.Equal(HttpStatusCode.OK, (await inspector.Get($"/api/referrals?unitId={unit}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await inspector.Get($"/api/referrals/{Id(referral)}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await inspector.Get("/api/referrals?year=2020")).Status);

        var reads = (await App.As("auditor-he", [Roles.Auditor]).Get("/api/audit/reads?reader=inspector-gao")).Json.EnumerateArray().ToList();
        Assert.Equal(3, reads.Count);
        Assert.All(reads, r => Assert.Equal("referral", r.GetProperty("kind").GetString()));
        // The list for one unit and the referral name their subject; the year's whole list names none.
        Assert.Equal(2, reads.Count(r => r.GetProperty("unitId").ValueKind == System.Text.Json.JsonValueKind.String && r.GetProperty("unitId").GetGuid() == unit));
        Assert.Contains(reads, r => r.GetProperty("unitId").ValueKind == System.Text.Json.JsonValueKind.Null && r.GetProperty("query").GetString() == "?year=2020");
    }
}
