using Hotline.Ledger.Web.Tests.Support;
using Microsoft.Playwright;

namespace Hotline.Ledger.Web.Tests;

/// <summary>A unit's liaison files the unit's monthly self-check (自查) and monthly report, and only for their own unit.</summary>
[Collection(WebCollection.Name)]
public sealed class SelfCheckTests(WebApp app)
{
    private static string ThisMonth => WebApp.Today[..7];

    [Fact]
    public async Task A_liaison_submits_the_units_self_check_and_monthly_report_and_sees_them_listed()
    {
        var unit = await app.NewUnit("市自然资源和规划局", person: "周敏");
        var page = await app.SignedIn("联络员小周", "liaison", unit.Code, width: 390, height: 844);

        await page.GotoAsync("/reports");
        Assert.Contains(unit.Name, await page.InnerTextAsync("h1"));
        await page.FillAsync("#check-month", ThisMonth);
        await page.FillAsync("#check-U1\\.1", "9");
        // More than U2.2's 4 points: the rule's message beside that criterion, nothing recorded.
        await page.FillAsync("#check-U2\\.2", "5");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-test=self-check-submit]"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        var beside = page.Locator("tr", new() { Has = page.Locator("#check-U2\\.2") }).Locator(".error");
        await beside.WaitForAsync();
        var message = await beside.InnerTextAsync();
        Assert.Contains("U2.2", message);
        Assert.Contains("4", message);
        Assert.Equal("true", await page.GetAttributeAsync("#check-U2\\.2", "aria-invalid"));
        Assert.Equal("9", await page.InputValueAsync("#check-U1\\.1"));
        Assert.Equal("missingOrOpen", await MonthStatus(unit.Unit));

        await page.FillAsync("#check-U2\\.2", "4");
        await page.FillAsync("#check-summary", "本月按制度逐项自查");
        await page.ClickAsync("[data-test=self-check-submit]");
        await page.WaitForURLAsync("**/reports?*sent=check");
        Assert.Contains("月度自查已报送", await page.InnerTextAsync("[data-test=notice]"));
        var row = page.Locator($"[data-test=self-checks] tr[data-month='{ThisMonth}']");
        Assert.Contains("按时自查", await row.InnerTextAsync());
        Assert.Contains("13", await row.InnerTextAsync());

        var check = await app.Get($"/api/units/{unit.Unit}/self-checks/{ThisMonth}");
        Assert.Equal("联络员小周", check.GetProperty("submittedBy").GetString());
        Assert.Equal(2, check.GetProperty("items").GetArrayLength());
        Assert.Equal("本月按制度逐项自查", check.GetProperty("summary").GetString());

        await page.FillAsync("#month", ThisMonth);
        await page.FillAsync("#summary", "本月办理交办件 12 件，均按时答复");
        await page.ClickAsync("[data-test=report-submit]");
        await page.WaitForURLAsync("**/reports?*sent=report");
        var report = page.Locator($"[data-test=reports] tr[data-month='{ThisMonth}']");
        Assert.Contains("按时报送", await report.InnerTextAsync());
        Assert.Contains("本月办理交办件 12 件", await report.InnerTextAsync());
        await WebApp.Screenshot(page, "liaison-self-check");

        var reports = await app.Get($"/api/units/{unit.Unit}/monthly-reports");
        var filed = Assert.Single(reports.EnumerateArray());
        Assert.Equal("联络员小周", filed.GetProperty("submittedBy").GetString());
    }

    [Fact]
    public async Task A_liaison_cannot_submit_for_another_unit()
    {
        var own = await app.NewUnit("市司法局", person: "吴刚");
        var other = await app.NewUnit("市审计局", person: "郑爽");
        var page = await app.SignedIn("联络员小吴", "liaison", own.Code);

        // The other unit's page is refused outright.
        Assert.Equal(403, (await page.GotoAsync($"/reports?unitId={other.Unit}"))!.Status);

        // The own unit's forms, sent with the other unit's id put in by hand: the API refuses both, nothing is recorded.
        await page.GotoAsync("/reports");
        await page.FillAsync("#check-U1\\.1", "8");
        await page.FillAsync("#summary", "冒名报送");
        var statuses = await page.EvaluateAsync<int[]>("""
            async (other) => {
              const send = async (selector) => {
                const form = document.querySelector(selector);
                const body = new FormData(form);
                body.set('UnitId', other);
                return (await fetch(form.action || location.href, { method: 'POST', body, redirect: 'manual' })).status;
              };
              return [await send('[data-test=self-check-form]'), await send('[data-test=report-form]')];
            }
            """, other.Unit.ToString());
        Assert.Equal([403, 403], statuses);

        Assert.Equal("missingOrOpen", await MonthStatus(other.Unit));
        Assert.Empty((await app.Get($"/api/units/{other.Unit}/monthly-reports")).EnumerateArray());
    }

    private async Task<string> MonthStatus(Guid unit)
    {
        var months = await app.Get($"/api/units/{unit}/self-checks");
        var month = months.EnumerateArray().Single(m => m.GetProperty("month").GetString() == ThisMonth);
        return month.GetProperty("status").GetString() is "missing" or "open" ? "missingOrOpen" : month.GetProperty("status").GetString()!;
    }
}
