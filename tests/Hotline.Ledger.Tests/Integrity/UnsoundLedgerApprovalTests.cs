using System.Net;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Integrity;

/// <summary>A year-end result is not approved while the last integrity verification failed.</summary>
[Collection(SecurityCollection.Name)]
public class UnsoundLedgerApprovalTests(LedgerApp app) : LedgerTest(app)
{
    private static readonly object Override = new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } };

    [Fact]
    public async Task Approving_is_refused_naming_the_fault_until_a_verification_passes()
    {
        var unit = await App.NewUnit("SOUND", "市住建局");
        await App.Created("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-11-01", reason = "表扬" });
        var id = (await App.Created("/api/evaluations", new { year = 2020 })).GetProperty("id").GetGuid();
        await App.Created($"/api/evaluations/{id}/submit", Override, HttpStatusCode.OK);

        var entries = $"\"{App.Schema}\".mt_doc_entry";
        await App.Sql($"update {entries} set data = jsonb_set(data, '{{points}}', '58')");
        Assert.False((await App.Ok("/api/integrity?readModels=true")).GetProperty("valid").GetBoolean());

        var refused = await App.Post($"/api/evaluations/{id}/approve", Override);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("mt_doc_entry", refused.Text);

        await App.Sql($"update {entries} set data = jsonb_set(data, '{{points}}', '2')");
        Assert.True((await App.Ok("/api/integrity?readModels=true")).GetProperty("valid").GetBoolean());
        var approved = await App.Post($"/api/evaluations/{id}/approve", Override);
        Assert.Equal(HttpStatusCode.OK, approved.Status);
    }
}
