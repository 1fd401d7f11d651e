using Hotline.Ledger.Web.Tests.Support;

namespace Hotline.Ledger.Web.Tests;

/// <summary>A unit's liaison: their unit's warnings and entries, an appeal, and nothing of any other unit.</summary>
[Collection(SecondWebCollection.Name)]
public sealed class LiaisonTests(WebApp app)
{
    [Fact]
    public async Task A_liaison_sees_the_units_warnings_and_files_an_appeal()
    {
        var unit = await app.NewUnit("市城市管理局", person: "李娜");
        // A D1 against the unit's person costs I7 points: a warning for the unit's liaison.
        var entry = await app.Created("/api/entries", new
        {
            clause = "D1", unitId = unit.Unit, personId = unit.Person, occurredOn = WebApp.Today, points = 5, reason = "占道经营投诉未及时处置",
        });
        var page = await app.SignedIn("联络员小李", "liaison", unit.Code);

        await page.GotoAsync("/");
        Assert.Contains(unit.Name, await page.InnerTextAsync("h1"));
        Assert.Contains("李娜", await page.InnerTextAsync("[data-test=warning]"));
        Assert.Contains("−5", await page.InnerTextAsync("[data-test=entries]"));
        await WebApp.Screenshot(page, "liaison-start");

        await page.GotoAsync($"/entries/{entry.GetProperty("id").GetGuid()}");
        await page.FillAsync("#appeal-reason", "该投诉已于当日办结，有回访记录为证");
        await page.ClickAsync("[data-test=appeal-submit]");
        await page.WaitForURLAsync("**/entries/*?appealed=1");
        Assert.Contains("待处理", await page.InnerTextAsync("[data-test=appeal]"));
        await WebApp.Screenshot(page, "liaison-appeal");

        var appeals = await app.Get($"/api/appeals?unitId={unit.Unit}");
        var appeal = Assert.Single(appeals.EnumerateArray());
        Assert.Equal("联络员小李", appeal.GetProperty("filedBy").GetString());
    }

    [Fact]
    public async Task A_liaison_walks_every_screen_and_reaches_nothing_of_another_unit()
    {
        var own = await app.NewUnit("市教育局", person: "赵敏");
        var other = await app.NewUnit("市卫生健康委员会", person: "钱多多");
        var otherEntry = await app.Created("/api/entries", new
        {
            clause = "D1", unitId = other.Unit, personId = other.Person, occurredOn = WebApp.Today, points = 8, reason = "另一单位的记录",
        });
        var page = await app.SignedIn("联络员小赵", "liaison", own.Code, width: 390, height: 844);

        foreach (var path in new[] { "/", "/entries", "/units", $"/units/{own.Unit}", "/people", $"/people/{own.Person}", "/reports", "/appeals", "/cases" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 200, $"{path}: {response.Status}");
            var html = await page.ContentAsync();
            Assert.DoesNotContain(other.Name, html);
            Assert.DoesNotContain(other.Code, html);
            Assert.DoesNotContain("钱多多", html);
        }

        // Editing the URL to reach the other unit: refused, and nothing of it shown.
        foreach (var path in new[]
                 {
                     $"/units/{other.Unit}", $"/people/{other.Person}", $"/entries/{otherEntry.GetProperty("id").GetGuid()}",
                     $"/entries?unitId={other.Unit}", $"/reports?unitId={other.Unit}", $"/export/api/evidence?unitId={other.Unit}&format=csv",
                 })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status is 403 or 404, $"{path}: {response.Status}");
            var text = await response.TextAsync();
            Assert.DoesNotContain(other.Name, text);
            Assert.DoesNotContain("另一单位的记录", text);
        }

        await page.GotoAsync($"/units/{other.Unit}");
        Assert.Contains("无权查看", await page.InnerTextAsync("[data-test=refusal]"));
        // A liaison records nothing: the office's form is not theirs.
        Assert.Equal(403, (await page.GotoAsync("/entries/new"))!.Status);
    }
}
