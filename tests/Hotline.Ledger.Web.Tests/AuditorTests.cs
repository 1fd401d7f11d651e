using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Ledger.Web.Tests.Support;

namespace Hotline.Ledger.Web.Tests;

/// <summary>The auditor replays a unit on both clocks and sees what changed, and why.</summary>
[Collection(WebCollection.Name)]
public sealed class AuditorTests(WebApp app)
{
    [Fact]
    public async Task An_auditor_sees_the_total_as_known_before_a_rescission_and_what_changed_since()
    {
        var unit = await app.NewUnit("市公安局");
        var entry = await app.Created("/api/entries", new
        {
            clause = "D1", unitId = unit.Unit, occurredOn = WebApp.Today, points = 6, reason = "群众举报投诉拖延",
        });
        var entryId = entry.GetProperty("id").GetGuid();
        using var office = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        office.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WebApp.Token("王芳", ["office"]));
        var rescinded = await office.PostAsJsonAsync($"/api/entries/{entryId}/rescind", new { reason = "经复核不属实" });
        Assert.True(rescinded.IsSuccessStatusCode, await rescinded.Content.ReadAsStringAsync());
        var recordedAt = entry.GetProperty("recordedAt").GetString()!;
        var year = WebApp.Today[..4];

        var page = await app.SignedIn("审计员老陈", "auditor");
        await page.GotoAsync("/");
        await page.ClickAsync($"[data-test=replay-units] a:has-text('{unit.Code}')");
        await page.WaitForURLAsync($"**/audit/units/{unit.Unit}");
        var now = await page.InnerTextAsync("[data-test=total]");

        // As the ledger stood when the entry was recorded (the timeline's stop before the rescission): −6.
        await page.GotoAsync($"/audit/units/{unit.Unit}?year={year}&knownAt={Uri.EscapeDataString(recordedAt)}");
        Assert.Equal(Minus(now, 6), (await page.InnerTextAsync("[data-test=total]")).Trim());

        // What changed between that instant and now: the rescission, by whom, and why.
        await page.GotoAsync($"/audit/units/{unit.Unit}?year={year}&since={Uri.EscapeDataString(recordedAt)}");
        var change = await page.InnerTextAsync("[data-test=rescission-change]");
        Assert.Contains("撤销", change);
        Assert.Contains("王芳", change);
        Assert.Contains("经复核不属实", change);
        Assert.Contains("+6", change);

        // The trend: one point per day from 1 January up to asOf.
        await page.Locator("#trend[data-points]").WaitForAsync();
        var points = int.Parse((await page.GetAttributeAsync("#trend", "data-points"))!);
        var today = DateOnly.Parse(WebApp.Today);
        Assert.Equal(today.DayOfYear, points);
        await page.ClickAsync("text=立即校验哈希链");
        Assert.Contains("valid", await page.InnerTextAsync("[data-test=integrity]"));
        await page.Locator("#trend[data-points]").WaitForAsync();
        await WebApp.Screenshot(page, "auditor-replay");
    }

    [Fact]
    public async Task A_liaison_cannot_replay_another_unit()
    {
        var own = await app.NewUnit("市司法局");
        var other = await app.NewUnit("市财政局");
        var page = await app.SignedIn("联络员小孙", "liaison", own.Code);
        var response = await page.GotoAsync($"/audit/units/{other.Unit}");
        Assert.Equal(403, response!.Status);
        Assert.DoesNotContain(other.Name, await page.ContentAsync());
        var series = await page.GotoAsync($"/audit/units/{other.Unit}?handler=Series");
        Assert.Equal(403, series!.Status);
    }

    private static string Minus(string total, decimal by)
    {
        var value = decimal.Parse(total.Trim().Replace('−', '-'), System.Globalization.CultureInfo.InvariantCulture) - by;
        return (value < 0 ? "−" : "") + Math.Abs(value).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
    }
}
