using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotline.Ledger.Web.Tests.Support;

namespace Hotline.Ledger.Web.Tests;

/// <summary>A liaison's notice inbox: their unit's notices only, each marked read with a click.</summary>
[Collection(WebCollection.Name)]
public sealed class NoticeInboxTests(WebApp app)
{
    [Fact]
    public async Task A_liaison_reads_a_deduction_notice_in_the_inbox_and_marks_it_read()
    {
        var own = await app.NewUnit("市水利局", person: "孙丽");
        var other = await app.NewUnit("市农业农村局", person: "周强");
        foreach (var unit in new[] { own, other })
        {
            using var liaison = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            liaison.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WebApp.Token("联络员", ["liaison"], unit.Code));
            var subscribed = await liaison.PostAsJsonAsync("/api/notice-subscriptions", new { kinds = new[] { "entryRecorded" }, channel = "inbox" });
            Assert.Equal(System.Net.HttpStatusCode.Created, subscribed.StatusCode);
        }

        await app.Created("/api/entries", new { clause = "D3.2", unitId = own.Unit, occurredOn = WebApp.Today, reason = "虚报办理结果" });
        await app.Created("/api/entries", new { clause = "D3.2", unitId = other.Unit, occurredOn = WebApp.Today, reason = "另一单位的扣分" });

        var page = await app.SignedIn("联络员小孙", "liaison", own.Code);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            await page.GotoAsync("/notices");
        } while (await page.Locator("[data-test=notice]").CountAsync() == 0 && watch.Elapsed < TimeSpan.FromSeconds(60));

        var notice = await page.InnerTextAsync("[data-test=notices]");
        Assert.Contains("市水利局", notice);
        Assert.Contains("扣10分", notice);
        Assert.Contains("虚报办理结果", notice);
        Assert.DoesNotContain("市农业农村局", await page.ContentAsync());
        Assert.Equal(1, await page.Locator("[data-test=notice]").CountAsync());

        await page.ClickAsync("[data-test=read]");
        await page.WaitForURLAsync("**/notices");
        Assert.Equal(0, await page.Locator("[data-test=read]").CountAsync());
        await page.GotoAsync("/notices?unread=true");
        Assert.Equal(0, await page.Locator("[data-test=notice]").CountAsync());
    }
}
