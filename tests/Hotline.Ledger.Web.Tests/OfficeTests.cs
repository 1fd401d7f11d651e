using System.Globalization;
using Hotline.Ledger.Web.Tests.Support;
using Microsoft.Playwright;

namespace Hotline.Ledger.Web.Tests;

/// <summary>The hotline office at work in the browser: recording, finding and rescinding entries.</summary>
[Collection(WebCollection.Name)]
public sealed class OfficeTests(WebApp app)
{
    private static decimal Total(string text) => decimal.Parse(text.Trim().Replace('−', '-'), CultureInfo.InvariantCulture);

    private static async Task FillEntry(IPage page, string unitLabel, string clause, string? points, string reason, string? person = null)
    {
        await page.GotoAsync("/entries/new");
        await page.SelectOptionAsync("#clause", clause);
        await page.FillAsync("#unit", unitLabel);
        if (person is not null) await page.FillAsync("#person", person);
        if (points is not null) await page.FillAsync("#points", points);
        await page.FillAsync("#reason", reason);
    }

    [Fact]
    public async Task The_office_records_a_D1_with_a_range_and_sees_the_unit_total_move()
    {
        var unit = await app.NewUnit("市公安局");
        var page = await app.SignedIn("王芳", "office");

        await page.GotoAsync($"/units/{unit.Unit}");
        var before = Total(await page.InnerTextAsync("[data-test=total]"));

        await FillEntry(page, $"{unit.Code} {unit.Name}", "D1", "6", "群众反映路灯损坏拖延未修", person: "张伟");
        // The clause picker says what D1 gives, and the preview what it will do to the total.
        Assert.Contains("5–10", await page.InnerTextAsync("#clause-info"));
        await page.Locator("[data-test=preview]").WaitForAsync();
        Assert.Contains(Show(before - 6), await page.InnerTextAsync("[data-test=preview]"));
        await WebApp.Screenshot(page, "office-record-entry");

        await page.ClickAsync("[data-test=save]");
        await page.WaitForURLAsync("**/entries/*?recorded=1");
        Assert.Equal("−6", (await page.InnerTextAsync("[data-test=points]")).Trim());

        await page.GotoAsync($"/units/{unit.Unit}");
        Assert.Equal(before - 6, Total(await page.InnerTextAsync("[data-test=total]")));
        Assert.Contains("群众反映路灯损坏拖延未修", await page.InnerTextAsync("[data-test=entries]"));
        await WebApp.Screenshot(page, "office-unit-scorecard");

        var entries = await app.EntriesOf(unit.Unit);
        var entry = Assert.Single(entries);
        Assert.Equal(-6, entry.GetProperty("points").GetDecimal());
        Assert.Equal("王芳", entry.GetProperty("recordedBy").GetString());
        Assert.Equal(unit.Person, entry.GetProperty("personId").GetGuid());
    }

    [Fact]
    public async Task The_office_finds_the_entry_in_the_list_and_rescinds_it_with_a_reason()
    {
        var unit = await app.NewUnit("市交通运输局");
        var recorded = await app.Created("/api/entries", new
        {
            clause = "D1", unitId = unit.Unit, occurredOn = WebApp.Today, points = 7, reason = "公交站台投诉处理迟缓",
        });
        var page = await app.SignedIn("王芳", "office");

        await page.GotoAsync("/entries");
        await page.SelectOptionAsync("#f-unit", unit.Unit.ToString());
        await page.SelectOptionAsync("#f-clause", "D1");
        await page.ClickAsync("form[role=search] button[type=submit]");
        var row = page.Locator($"tr[data-entry='{recorded.GetProperty("id").GetGuid()}']");
        Assert.Contains("−7", await row.InnerTextAsync());
        await WebApp.Screenshot(page, "office-entries");

        await row.Locator("a", new() { HasText = "查看" }).ClickAsync();
        await page.FillAsync("#rescind-reason", "经核实系重复记录");
        await page.ClickAsync("[data-test=rescind]");
        await page.WaitForURLAsync("**/entries/*?rescinded=1");
        Assert.Contains("经核实系重复记录", await page.InnerTextAsync("[data-test=rescission]"));

        var entry = Assert.Single(await app.EntriesOf(unit.Unit));
        Assert.Equal("rescinded", entry.GetProperty("status").GetString());
        Assert.Equal("王芳", entry.GetProperty("rescission").GetProperty("rescindedBy").GetString());
    }

    [Fact]
    public async Task A_double_click_or_a_resent_form_records_one_entry()
    {
        var unit = await app.NewUnit("市水利局");
        var page = await app.SignedIn("王芳", "office");

        await FillEntry(page, $"{unit.Code} {unit.Name}", "B2.1", null, "市民来电致谢");
        Assert.Equal("2", await page.InputValueAsync("#points"));
        await page.DblClickAsync("[data-test=save]");
        await page.WaitForURLAsync("**/entries/*?recorded=1");
        Assert.Single(await app.EntriesOf(unit.Unit));

        // The same form sent twice past the page's guard (a resend): its idempotency key records it once.
        await FillEntry(page, $"{unit.Code} {unit.Name}", "B2.2", null, "群众来信表扬");
        var statuses = await page.EvaluateAsync<int[]>("""
            async () => {
              const form = document.getElementById('entry-form');
              const send = () => fetch(form.action || location.href, { method: 'POST', body: new FormData(form), redirect: 'manual' }).then(r => r.status);
              return [await send(), await send()];
            }
            """);
        Assert.All(statuses, s => Assert.True(s is 0 or 302, $"status {s}"));
        Assert.Equal(2, (await app.EntriesOf(unit.Unit)).Count);
    }

    [Fact]
    public async Task A_wrong_point_value_shows_the_rule_beside_the_field_and_records_nothing()
    {
        var unit = await app.NewUnit("市住房和城乡建设局");
        var page = await app.SignedIn("王芳", "office");

        await FillEntry(page, $"{unit.Code} {unit.Name}", "D1", "12", "超出范围的分值");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-test=save]"), r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        await page.WaitForLoadStateAsync();
        var message = await page.InnerTextAsync("[data-field=points]");
        Assert.Contains("5–10", message);
        Assert.Equal("true", await page.GetAttributeAsync("#points", "aria-invalid"));
        // What was typed is kept for the correction.
        Assert.Equal("超出范围的分值", await page.InputValueAsync("#reason"));
        await WebApp.Screenshot(page, "office-record-entry-error");
        Assert.Empty(await app.EntriesOf(unit.Unit));
    }

    [Fact]
    public async Task The_start_page_shows_what_needs_doing_today()
    {
        var page = await app.SignedIn("王芳", "office");
        await page.GotoAsync("/");
        Assert.Contains("今日待办", await page.InnerTextAsync("h1"));
        foreach (var heading in new[] { "答复时限即将届满", "月度报告未报送", "指标预警", "近期自动扣分" })
            Assert.Contains(heading, await page.InnerTextAsync("main"));
        await WebApp.Screenshot(page, "office-start");
    }

    private static string Show(decimal d) => (d < 0 ? "−" : "") + Math.Abs(d).ToString("0.##", CultureInfo.InvariantCulture);
}
