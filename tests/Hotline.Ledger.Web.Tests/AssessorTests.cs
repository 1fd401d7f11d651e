using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotline.Ledger.Web.Tests.Support;
using Microsoft.Playwright;

namespace Hotline.Ledger.Web.Tests;

/// <summary>The assessor's marking sheet: marks with who and when, each scorer's I8, computed criteria with their inputs, and marking from the sheet.</summary>
[Collection(SecondWebCollection.Name)]
public sealed class AssessorTests(WebApp app)
{
    [Fact]
    public async Task An_assessor_marks_U1_1_and_sees_the_units_total_move()
    {
        var unit = await app.NewUnit("市交通运输局", person: "孙丽");
        var page = await app.SignedIn("评分员小郑", "assessor");
        await page.GotoAsync("/");
        await page.ClickAsync("nav >> text=评分表");
        await page.ClickAsync($"[data-test=assess-units] tr:has-text('{unit.Code}') >> text=评分表");
        await page.WaitForURLAsync($"**/assess/units/{unit.Unit}?year=*");
        var before = Points(await page.InnerTextAsync("[data-test=total]"));
        var u11 = page.Locator("[data-test=criterion][data-clause='U1.1']");
        Assert.Contains("尚未评分", await u11.InnerTextAsync());
        // U4.1 is computed from the cases: its inputs are shown, and it takes no mark.
        var u41 = page.Locator("[data-test=criterion][data-clause='U4.1']");
        Assert.Contains("办结率", await u41.Locator("[data-test=inputs]").InnerTextAsync());
        Assert.Equal(0, await u41.Locator("[data-test=mark-form]").CountAsync());
        Assert.Contains("按时答复率", await page.InnerTextAsync("[data-test=rates]"));

        // A mark beyond the criterion's maximum is refused beside the field, and nothing moves.
        await u11.Locator("input[name=Points]").FillAsync("11");
        await u11.Locator("input[name=Reason]").FillAsync("超出满分");
        await u11.Locator("button[type=submit]").ClickAsync();
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("[data-test=criterion][data-clause='U1.1'] [data-test=mark-error]").InnerTextAsync()));
        Assert.Equal(before, Points(await page.InnerTextAsync("[data-test=total]")));

        await u11.Locator("input[name=Points]").FillAsync("8");
        await u11.Locator("input[name=Reason]").FillAsync("主要领导多次听取热线工作汇报");
        await u11.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**marked=U1.1*");
        Assert.Equal(before + 8, Points(await page.InnerTextAsync("[data-test=total]")));
        var latest = await page.Locator("[data-test=criterion][data-clause='U1.1'] [data-test=latest]").InnerTextAsync();
        Assert.Contains("8", latest);
        Assert.Contains("评分员小郑", latest);
        await WebApp.Screenshot(page, "assessor-sheet");

        // A second mark replaces the first: the latest counts.
        await u11.Locator("input[name=Points]").FillAsync("6");
        await u11.Locator("input[name=Reason]").FillAsync("复核后调整");
        await u11.Locator("button[type=submit]").ClickAsync();
        await page.Locator("[data-test=criterion][data-clause='U1.1']:has-text('复核后调整')").WaitForAsync();
        Assert.Equal(before + 6, Points(await page.InnerTextAsync("[data-test=total]")));
        var marks = (await app.Get($"/api/evidence?unitId={unit.Unit}&clause=U1.1")).EnumerateArray().ToList();
        Assert.Equal(2, marks.Count);
        Assert.All(marks, m => Assert.Equal("评分员小郑", m.GetProperty("recordedBy").GetString()));

        // The sheet downloads as the API's scorecard table: U1.1 at its latest mark.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-test=export-csv]"));
        await using (var stream = await download.CreateReadStreamAsync())
        using (var reader = new StreamReader(stream))
        {
            var csv = await reader.ReadToEndAsync();
            Assert.Contains(csv.Split('\n'), line => line.StartsWith("\"U1.1\"", StringComparison.Ordinal) && line.Contains("\"6\"", StringComparison.Ordinal));
        }

        // On paper (A4): the sheet and its totals, without the forms.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator("[data-test=mark-form]").First.IsVisibleAsync());
        Assert.True(await page.Locator("[data-test=total]").IsVisibleAsync());
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
    }

    [Fact]
    public async Task The_sheet_of_a_person_shows_each_scorers_I8_mark()
    {
        var unit = await app.NewUnit("市民政局", person: "吴刚");
        var year = int.Parse(WebApp.Today[..4], CultureInfo.InvariantCulture);
        foreach (var (scorer, points) in new[] { ("评分员甲", 9m), ("评分员乙", 7m), ("评分员甲", 10m) })
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WebApp.Token(scorer, ["assessor"]));
            var reply = await client.PostAsJsonAsync("/api/marks", new { year, clause = "I8", personId = unit.Person, points, reason = "配合热线办工作" });
            Assert.True(reply.IsSuccessStatusCode, await reply.Content.ReadAsStringAsync());
        }

        var page = await app.SignedIn("评分员小郑", "assessor");
        await page.GotoAsync($"/assess/units/{unit.Unit}?year={year}");
        await page.ClickAsync("text=吴刚");
        await page.WaitForURLAsync($"**/assess/people/{unit.Person}?year={year}");
        var i8 = page.Locator("[data-test=criterion][data-clause='I8']");
        var scorers = await i8.Locator("[data-test=scorers]").InnerTextAsync();
        // Each scorer's latest: 甲 10 (not 9), 乙 7; the criterion is their mean.
        Assert.Contains("评分员甲：10", scorers);
        Assert.Contains("评分员乙：7", scorers);
        Assert.DoesNotContain("：9", scorers);
        Assert.Equal("8.5", (await i8.Locator("[data-test=points]").InnerTextAsync()).Trim());
        await WebApp.Screenshot(page, "assessor-person-sheet");
    }

    [Fact]
    public async Task A_liaison_reaches_no_other_units_sheet_and_marks_nothing()
    {
        var own = await app.NewUnit("市审计局");
        var other = await app.NewUnit("市统计局", person: "郑和");
        var page = await app.SignedIn("联络员小冯", "liaison", own.Code);
        foreach (var path in new[] { $"/assess/units/{other.Unit}", $"/assess/people/{other.Person}", $"/export/api/evidence?unitId={other.Unit}&format=xlsx" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status is 403 or 404, $"{path}: {response.Status}");
            var html = await response.TextAsync();
            Assert.DoesNotContain(other.Name, html);
            Assert.DoesNotContain("郑和", html);
        }

        // Their own unit's sheet is theirs to read, without a form to mark.
        Assert.Equal(200, (await page.GotoAsync($"/assess/units/{own.Unit}"))!.Status);
        Assert.Equal(0, await page.Locator("[data-test=mark-form]").CountAsync());
    }

    private static decimal Points(string shown) =>
        decimal.Parse(shown.Trim().Replace('−', '-'), NumberStyles.Number, CultureInfo.InvariantCulture);
}
