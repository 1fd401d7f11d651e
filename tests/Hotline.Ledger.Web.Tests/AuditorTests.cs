using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Ledger.Web.Tests.Support;

namespace Hotline.Ledger.Web.Tests;

/// <summary>The auditor replays a unit on both clocks and sees what changed, and why.</summary>
[Collection(SecondWebCollection.Name)]
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
        // The rank chart: one point per day too.
        await page.Locator("#ranks[data-points]").WaitForAsync();
        Assert.Equal(today.DayOfYear, int.Parse((await page.GetAttributeAsync("#ranks", "data-points"))!));

        // The integrity status: the chain's head before any verification; the button verifies now.
        Assert.Matches("[0-9a-f]{64}", await page.InnerTextAsync("[data-test=chain-head]"));
        await page.ClickAsync("text=立即校验哈希链");
        Assert.Contains("valid", await page.InnerTextAsync("[data-test=integrity]"));
        Assert.Contains("校验通过", await page.InnerTextAsync("[data-test=verified]"));
        await page.Locator("#trend[data-points]").WaitForAsync();
        await page.Locator("#ranks[data-points]").WaitForAsync();
        await WebApp.Screenshot(page, "auditor-replay");
    }

    [Fact]
    public async Task An_auditor_sees_the_ranking_with_each_units_move_and_downloads_it()
    {
        var climber = await app.NewUnit("市住建局");
        // A unit level with it that ranks first on a tie (its code sorts first): the bonus must pass it.
        await app.Created("/api/units", new { code = "A" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), name = "市水利局" });
        var since = DateTimeOffset.UtcNow;
        await app.Created("/api/entries", new { clause = "B1", unitId = climber.Unit, occurredOn = WebApp.Today, reason = "群众来信表扬" });
        var year = WebApp.Today[..4];

        var now = DateTimeOffset.UtcNow;
        int RankOf(JsonElement ranking) => ranking.EnumerateArray().Single(r => r.GetProperty("unitId").GetGuid() == climber.Unit).GetProperty("rank").GetInt32();
        var rankThen = RankOf(await app.Get($"/api/rankings?year={year}&knownAt={Uri.EscapeDataString(since.UtcDateTime.ToString("O"))}"));
        var rankNow = RankOf(await app.Get($"/api/rankings?year={year}&knownAt={Uri.EscapeDataString(now.UtcDateTime.ToString("O"))}"));
        Assert.True(rankNow < rankThen, $"the bonus should lift the unit: {rankThen} then, {rankNow} now");

        var page = await app.SignedIn("审计员老陈", "auditor");
        await page.GotoAsync($"/audit/rankings?year={year}&knownAt={Uri.EscapeDataString(now.UtcDateTime.ToString("O"))}&since={Uri.EscapeDataString(since.UtcDateTime.ToString("O"))}");
        var row = page.Locator($"[data-test=ranking] tr[data-unit={climber.Code}]");
        Assert.Equal(rankNow.ToString(System.Globalization.CultureInfo.InvariantCulture), (await row.Locator("td").First.InnerTextAsync()).Trim());
        Assert.Equal($"↑{rankThen - rankNow}", (await row.Locator("[data-test=move]").InnerTextAsync()).Trim());
        await WebApp.Screenshot(page, "auditor-rankings");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=导出 CSV"));
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("名次", csv);
        Assert.Contains(climber.Code, csv);

        // The unit's own replay, from its name.
        await row.Locator("a").ClickAsync();
        await page.WaitForURLAsync($"**/audit/units/{climber.Unit}?*");
        Assert.Contains("市住建局", await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task An_auditor_replays_a_person_from_their_page()
    {
        var unit = await app.NewUnit("市交通局", "周敏");
        await app.Created("/api/entries", new { clause = "B1", unitId = unit.Unit, personId = unit.Person, occurredOn = WebApp.Today, reason = "群众来信表扬" });

        var page = await app.SignedIn("审计员老陈", "auditor");
        await page.GotoAsync($"/people/{unit.Person}");
        await page.ClickAsync("[data-test=replay]");
        await page.WaitForURLAsync($"**/audit/people/{unit.Person}?*");
        Assert.Contains("周敏", await page.InnerTextAsync("h1"));
        var person = await app.Get($"/api/people/{unit.Person}/score?year={WebApp.Today[..4]}");
        Assert.Equal(person.GetProperty("total").GetDecimal().ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            (await page.InnerTextAsync("[data-test=total]")).Trim().Replace('−', '-'));
        await page.Locator("#trend[data-points]").WaitForAsync();
        Assert.Equal(DateOnly.Parse(WebApp.Today).DayOfYear, int.Parse((await page.GetAttributeAsync("#trend", "data-points"))!));
        Assert.Equal(0, await page.Locator("#ranks").CountAsync());
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
        var ranks = await page.GotoAsync($"/audit/units/{own.Unit}?handler=Ranks");
        Assert.Equal(403, ranks!.Status);
        var person = await page.GotoAsync($"/audit/people/{other.Person}");
        Assert.Equal(403, person!.Status);
        var ranking = await page.GotoAsync("/audit/rankings");
        Assert.Equal(403, ranking!.Status);
        Assert.DoesNotContain(other.Name, await page.ContentAsync());
        var approvals = await page.GotoAsync("/approvals");
        Assert.Equal(403, approvals!.Status);
    }

    private static string Minus(string total, decimal by)
    {
        var value = decimal.Parse(total.Trim().Replace('−', '-'), System.Globalization.CultureInfo.InvariantCulture) - by;
        return (value < 0 ? "−" : "") + Math.Abs(value).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
    }
}
