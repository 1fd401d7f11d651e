using System.IO.Compression;
using System.Text;
using Hotline.Ledger.Web.Tests.Support;
using Microsoft.Playwright;

namespace Hotline.Ledger.Web.Tests;

/// <summary>Every table on the screens downloads as the API's CSV and XLSX, as the signed-in user, and a liaison's only as their unit's.</summary>
[Collection(SecondWebCollection.Name)]
public sealed class ExportTests(WebApp app)
{
    [Fact]
    public async Task Every_table_of_the_office_screens_downloads_as_csv_and_xlsx()
    {
        var unit = await app.NewUnit("市商务局", person: "孙丽");
        var entry = await app.Created("/api/entries", new
        {
            clause = "D1", unitId = unit.Unit, personId = unit.Person, occurredOn = WebApp.Today, points = 6, reason = "商场消防通道投诉拖延处理",
        });
        await app.Created("/api/appeals", new { entryId = entry.GetProperty("id").GetGuid(), reason = "已整改" });
        var page = await app.SignedIn("王芳", "office");

        var screens = new[]
        {
            "/", $"/entries?unitId={unit.Unit}", "/units", $"/units/{unit.Unit}", $"/people?unitId={unit.Unit}", $"/people/{unit.Person}",
            $"/reports?unitId={unit.Unit}", "/appeals",
        };
        var downloads = 0;
        foreach (var screen in screens)
        {
            await page.GotoAsync(screen);
            // Each table outside a form (an entry form's grid is not a list) has both downloads in its card.
            var tables = page.Locator("main table:not(form table)");
            for (var i = 0; i < await tables.CountAsync(); i++)
            {
                var card = tables.Nth(i).Locator("xpath=ancestor::section[1]");
                Assert.True(await card.Locator("a[data-export=csv]").CountAsync() == 1, $"{screen}: table {i} has no CSV download");
                Assert.True(await card.Locator("a[data-export=xlsx]").CountAsync() == 1, $"{screen}: table {i} has no XLSX download");
            }

            foreach (var link in await page.Locator("a[data-export]").AllAsync())
            {
                var href = (await link.GetAttributeAsync("href"))!;
                var body = await Download(page, href);
                if (href.EndsWith("format=csv", StringComparison.Ordinal))
                {
                    var text = Encoding.UTF8.GetString(body);
                    Assert.True(text.StartsWith('\uFEFF'), $"{href}: a CSV with a BOM");
                    Assert.Matches(@"[\u4e00-\u9fff]", text.Split('\n')[0]);
                }
                else
                {
                    Assert.Equal(body, await Download(page, href));
                    Assert.NotEmpty(Sheets(body));
                }

                downloads++;
            }
        }

        Assert.True(downloads >= 20, $"{downloads} downloads");

        // What the unit's entries list downloads is its entries, under Chinese headings.
        var csv = Encoding.UTF8.GetString(await Download(page, $"/export/api/entries?unitId={unit.Unit}&format=csv"));
        Assert.Contains("\"条款\"", csv);
        Assert.Contains("商场消防通道投诉拖延处理", csv);
        Assert.Contains("孙丽", csv);
        var xlsx = Sheets(await Download(page, $"/export/api/entries?unitId={unit.Unit}&format=xlsx"));
        Assert.Contains(xlsx, s => s.Contains("商场消防通道投诉拖延处理", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_liaison_downloads_their_units_tables_and_nothing_of_another_unit()
    {
        var own = await app.NewUnit("市林业局", person: "冯远");
        var other = await app.NewUnit("市统计局", person: "陈默");
        await app.Created("/api/entries", new { clause = "D1", unitId = other.Unit, occurredOn = WebApp.Today, points = 5, reason = "统计局的记录" });
        await app.Created("/api/entries", new { clause = "D1", unitId = own.Unit, occurredOn = WebApp.Today, points = 5, reason = "林业局的记录" });
        var page = await app.SignedIn("联络员小冯", "liaison", own.Code);

        await page.GotoAsync("/");
        var links = await page.Locator("a[data-export]").AllAsync();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var text = Encoding.UTF8.GetString(await Download(page, (await link.GetAttributeAsync("href"))!));
            Assert.DoesNotContain("统计局", text);
        }

        Assert.Contains("林业局的记录", Encoding.UTF8.GetString(await Download(page, $"/export/api/entries?unitId={own.Unit}&format=csv")));
        // The whole list, asked for without a unit, is the liaison's own unit's.
        var all = Encoding.UTF8.GetString(await Download(page, "/export/api/entries?format=csv"));
        Assert.Contains("林业局的记录", all);
        Assert.DoesNotContain("统计局的记录", all);

        foreach (var path in new[]
                 {
                     $"/export/api/entries?unitId={other.Unit}&format=xlsx", $"/export/api/units/{other.Unit}/score?format=csv",
                     $"/export/api/units/{other.Unit}/self-checks?format=xlsx", $"/export/api/people/{other.Person}?format=csv",
                 })
        {
            var response = await page.Context.APIRequest.GetAsync(path);
            Assert.True(response.Status is 403 or 404, $"{path}: {response.Status}");
            Assert.DoesNotContain("统计局", await response.TextAsync());
        }
    }

    private static async Task<byte[]> Download(IPage page, string href)
    {
        var response = await page.Context.APIRequest.GetAsync(href);
        Assert.True(response.Status == 200, $"{href}: {response.Status}");
        return await response.BodyAsync();
    }

    /// <summary>The text of every worksheet and the shared strings of a workbook.</summary>
    private static List<string> Sheets(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        return zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()).Where(t => t.Contains("sheetData", StringComparison.Ordinal) || t.Contains("sst", StringComparison.Ordinal))
            .ToList();
    }
}
