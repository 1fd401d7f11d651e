using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Ledger.Web.Tests.Support;

namespace Hotline.Ledger.Web.Tests;

/// <summary>The province's office sees every city's figures on both clocks and downloads them; a city's office cannot.</summary>
[Collection(WebCollection.Name)]
public sealed class ProvinceTests(WebApp app)
{
    private static HttpClient ProvinceClient(WebApp app)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WebApp.Token("省热线办", ["province"]));
        return client;
    }

    [Fact]
    public async Task The_province_sees_each_citys_cases_and_grades_as_the_api_gives_them_and_downloads_them()
    {
        var unit = await app.NewUnit("市水利局");
        var reply = await app.Office.PostAsJsonAsync("/api/cases/events", new
        {
            events = new[]
            {
                new { eventId = $"{unit.Code}-a", caseNumber = $"PV-{unit.Code}", type = "assigned", at = "2020-03-01T01:00:00Z", unitId = (Guid?)unit.Unit },
                new { eventId = $"{unit.Code}-c", caseNumber = $"PV-{unit.Code}", type = "completed", at = "2020-03-10T01:00:00Z", unitId = (Guid?)null },
            },
        });
        Assert.True(reply.IsSuccessStatusCode, await reply.Content.ReadAsStringAsync());

        using var province = ProvinceClient(app);
        var summary = await province.GetFromJsonAsync<JsonElement>("/api/province/summary?year=2020&asOf=2020-06-30");
        var city = summary.GetProperty("cities")[0];

        var page = await app.SignedIn("省热线办", "province");
        await page.GotoAsync("/");
        Assert.Contains("各市考评汇总", await page.InnerTextAsync("[data-test=province-start]"));
        await page.ClickAsync("nav >> text=全省汇总");
        await page.WaitForURLAsync("**/province");
        await page.GotoAsync("/province?year=2020&asOf=2020-06-30");
        var row = page.Locator("[data-test=province-summary] tr[data-city=xy]");
        Assert.Contains("信阳市", await row.InnerTextAsync());
        Assert.Equal(city.GetProperty("units").GetInt32().ToString(), (await row.Locator("[data-test=units]").InnerTextAsync()).Trim());
        Assert.Equal(city.GetProperty("cases").GetInt32().ToString(), (await row.Locator("[data-test=cases]").InnerTextAsync()).Trim());
        var rate = city.GetProperty("completionRate").GetDecimal() * 100;
        Assert.Equal(rate.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%", (await row.Locator("[data-test=completion]").InnerTextAsync()).Trim());
        foreach (var grade in city.GetProperty("grades").EnumerateArray())
            Assert.Equal(grade.GetProperty("units").GetInt32().ToString(),
                (await row.Locator($"[data-grade='{grade.GetProperty("grade").GetString()}']").InnerTextAsync()).Trim());
        await WebApp.Screenshot(page, "province-summary");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-test=province-summary] [data-export=csv]"));
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("办结率", csv);
        Assert.Contains("信阳市", csv);

        // The city's own page: its units' rates as the city's rates route gives them.
        await row.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync("**/province/cities/xy?*");
        var unitRow = page.Locator($"[data-test=city-rates] tr[data-unit={unit.Code}]");
        Assert.Contains("市水利局", await unitRow.InnerTextAsync());
        Assert.Contains("100.0%", await unitRow.InnerTextAsync());
        await WebApp.Screenshot(page, "province-city");
    }

    [Fact]
    public async Task A_citys_office_is_refused_the_province_page()
    {
        var page = await app.SignedIn("王芳", "office");
        var response = await page.GotoAsync("/province?year=2020");
        Assert.Equal(403, response!.Status);
        Assert.Equal(0, await page.Locator("nav >> text=全省汇总").CountAsync());
    }
}
