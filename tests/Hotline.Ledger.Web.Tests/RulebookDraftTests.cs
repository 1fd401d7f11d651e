using Hotline.Ledger.Web.Tests.Support;
using Microsoft.Playwright;

namespace Hotline.Ledger.Web.Tests;

/// <summary>
/// The office drafts a revision of the measures on screen: a copy of the rulebook in force, a clause changed in
/// the editor, its effect on every unit's total and rank shown as it is made, then submitted and adopted.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RulebookDraftTests(WebApp app)
{
    [Fact]
    public async Task Raising_B2_1_from_2_to_4_points_moves_exactly_the_units_with_B2_1_entries_by_2_per_entry()
    {
        var twice = await app.NewUnit("市住房和城乡建设局", person: "钱敏");
        var once = await app.NewUnit("市交通运输局", person: "冯涛");
        var none = await app.NewUnit("市商务局", person: "陈静");
        foreach (var (unit, reason) in new[] { (twice.Unit, "市民来电致谢"), (twice.Unit, "社区来电表扬"), (once.Unit, "市民来电致谢") })
            await app.Created("/api/entries", new { clause = "B2.1", unitId = unit, occurredOn = WebApp.Today, reason });
        await app.Created("/api/entries", new { clause = "B2.2", unitId = none.Unit, occurredOn = WebApp.Today, reason = "群众来信表扬" });

        var page = await app.SignedIn("王芳", "office");
        await page.GotoAsync("/rulebooks");
        await page.ClickAsync("[data-test=copy]");
        await page.WaitForURLAsync("**/rulebooks/drafts/*");
        Assert.Equal("1", await page.InnerTextAsync("[data-test=preview-version]"));
        Assert.True(await page.Locator("[data-test=no-changes]").IsVisibleAsync());
        Assert.Equal("0", await Delta(page, twice.Unit));

        // A change the loader refuses (the unit criteria would sum to 102) is named, and nothing is stored.
        await page.FillAsync("input[name='c:U1.1:points']", "12");
        await page.PressAsync("input[name='c:U1.1:points']", "Tab");
        await page.WaitForSelectorAsync("[data-test=faults]");
        Assert.Contains("102", await page.InnerTextAsync("[data-test=faults]"));
        Assert.Equal("1", await page.InnerTextAsync("[data-test=preview-version]"));
        await page.FillAsync("input[name='c:U1.1:points']", "10");
        await page.PressAsync("input[name='c:U1.1:points']", "Tab");
        await page.WaitForSelectorAsync("[data-test=faults]", new() { State = WaitForSelectorState.Detached });

        await page.FillAsync("input[name='c:B2.1:points']", "4");
        await page.PressAsync("input[name='c:B2.1:points']", "Tab");
        await page.WaitForSelectorAsync("[data-test=preview-version]:text-is('2')");

        // Two entries at 2 points each, priced at 4 under the draft: +4; one entry: +2; none: no change.
        Assert.Equal("+4", await Delta(page, twice.Unit));
        Assert.Equal("+2", await Delta(page, once.Unit));
        Assert.Equal("0", await Delta(page, none.Unit));
        Assert.Contains("mover", await Row(page, twice.Unit).GetAttributeAsync("class") ?? "");
        Assert.Contains("B2.1：+4 → +8", await Row(page, twice.Unit).Locator("[data-test=causes]").InnerTextAsync());
        Assert.Contains("B2.1：+2 → +4", await Row(page, once.Unit).Locator("[data-test=causes]").InnerTextAsync());
        Assert.DoesNotContain("B2.1", await Row(page, none.Unit).Locator("[data-test=causes]").InnerTextAsync());
        var total = Number(await Row(page, twice.Unit).Locator("td:nth-child(2)").InnerTextAsync());
        Assert.Equal(total + 4, Number(await Row(page, twice.Unit).Locator("td:nth-child(5)").InnerTextAsync()));
        Assert.Contains("points", await page.InnerTextAsync("[data-test=changes] tr[data-clause='B2.1']"));
        Assert.Equal("2", await page.InnerTextAsync("h1 [data-test=version]"));
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await WebApp.Screenshot(page, "office-rulebook-draft");

        // The draft as stored is version 2, with B2.1 at 4 points: a reload shows what the preview showed.
        await page.ReloadAsync();
        Assert.Equal("4", await page.InputValueAsync("input[name='c:B2.1:points']"));
        Assert.Equal("+4", await Delta(page, twice.Unit));

        // Submitted for adoption from a future date, then adopted by a leader: the revision history says who and when.
        var from = DateOnly.Parse(WebApp.Today).AddDays(40).ToString("yyyy-MM-dd");
        await page.FillAsync("#effectiveFrom", from);
        await page.ClickAsync("[data-test=submit]");
        await page.WaitForSelectorAsync("[data-test=done]");
        Assert.Equal("已报送", await page.InnerTextAsync("h1 [data-test=status]"));

        var leader = await app.SignedIn("李市长", "leader");
        await leader.GotoAsync(page.Url.Split('?')[0]);
        await leader.ClickAsync("[data-test=approve]");
        await leader.WaitForSelectorAsync("[data-test=done]");
        Assert.Equal("已批准", await leader.InnerTextAsync("h1 [data-test=status]"));
        await leader.GotoAsync("/rulebooks");
        var revision = await leader.InnerTextAsync("[data-test=revisions] tr[data-rulebook='xinyang-2019-draft']");
        Assert.Contains("李市长", revision);
        Assert.Contains("王芳", revision);
        Assert.Contains($"{int.Parse(from[..4])}年{int.Parse(from[5..7])}月{int.Parse(from[8..])}日", revision);
        await WebApp.Screenshot(leader, "leader-rulebook-revisions");
    }

    [Fact]
    public async Task A_liaison_cannot_reach_the_drafts_nor_sees_them_in_the_menu()
    {
        var unit = await app.NewUnit("市文化广电和旅游局");
        var page = await app.SignedIn("联络员小赵", "liaison", unit.Code);
        Assert.Equal(0, await page.Locator("nav a[href='/rulebooks']").CountAsync());

        var list = await page.GotoAsync("/rulebooks");
        Assert.Equal(403, list!.Status);
        Assert.Contains("无权查看", await page.InnerTextAsync("[data-test=refusal]"));
        Assert.Equal(0, await page.Locator("[data-test=drafts], [data-test=copy]").CountAsync());

        var draft = await app.Created("/api/rulebooks/drafts", new { copyOf = "xinyang-2019", id = "liaison-probe" });
        var one = await page.GotoAsync($"/rulebooks/drafts/{draft.GetProperty("id").GetGuid()}");
        Assert.Equal(403, one!.Status);
        Assert.Equal(0, await page.Locator("[data-test=clause-editor], [data-test=units]").CountAsync());
    }

    private static decimal Number(string shown) => decimal.Parse(shown.Replace('−', '-'), System.Globalization.CultureInfo.InvariantCulture);

    private static ILocator Row(IPage page, Guid unit) => page.Locator($"[data-test=units] tr[data-unit='{unit}']");

    private static Task<string> Delta(IPage page, Guid unit) => Row(page, unit).Locator("[data-test=delta]").InnerTextAsync();
}
