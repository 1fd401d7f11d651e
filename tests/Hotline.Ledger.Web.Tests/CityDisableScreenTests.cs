using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotline.Ledger.Web.Tests.Support;
using Microsoft.Playwright;
using Npgsql;

namespace Hotline.Ledger.Web.Tests;

/// <summary>
/// A city taken out of service (ADR 0185), on the screens: its user's session gets a page saying 该市已停用 instead of
/// the ledger, the province's summary tags the city 已停用, and once enabled the same session works again.
/// </summary>
[Collection(SecondWebCollection.Name)]
public sealed class CityDisableScreenTests(WebApp app)
{
    private const string City = "WD";

    private HttpClient Admin()
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WebApp.Token("省平台管理员", ["province-admin"]));
        return client;
    }

    [Fact]
    public async Task A_disabled_citys_session_is_told_the_city_is_disabled_and_the_province_sees_it_marked()
    {
        using var admin = Admin();
        var added = await admin.PostAsJsonAsync("/api/cities", new { code = City, name = "南阳市" });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        try
        {
            var page = await app.NewPage();
            Assert.Equal(200, (await page.GotoAsync($"/signin/dev?user=王芳&role=office&city={City}"))!.Status);
            Assert.Equal(200, (await page.GotoAsync("/units"))!.Status);

            var disabled = await admin.PostAsJsonAsync($"/api/cities/{City}/disable", new { reason = "并入邻市" });
            Assert.True(disabled.IsSuccessStatusCode, await disabled.Content.ReadAsStringAsync());

            var refused = await page.GotoAsync("/units");
            Assert.Equal(403, refused!.Status);
            Assert.Contains("该市已停用", await page.InnerTextAsync("h1"));
            Assert.Contains("台账完整保留", await page.InnerTextAsync("body"));
            await WebApp.Screenshot(page, "city-disabled");

            var province = await app.SignedIn("省热线办", "province");
            await province.GotoAsync("/province?year=2020");
            var row = province.Locator($"[data-test=province-summary] tr[data-city={City}]");
            Assert.Contains("南阳市", await row.InnerTextAsync());
            Assert.Equal("已停用", (await row.Locator("[data-test=disabled]").InnerTextAsync()).Trim());
            Assert.Equal(0, await province.Locator("[data-test=province-summary] tr[data-city=xy] [data-test=disabled]").CountAsync());

            var enabled = await admin.PostAsJsonAsync($"/api/cities/{City}/enable", new { reason = "恢复使用" });
            Assert.True(enabled.IsSuccessStatusCode, await enabled.Content.ReadAsStringAsync());
            Assert.Equal(200, (await page.GotoAsync("/units"))!.Status);
            await page.Context.CloseAsync();
        }
        finally
        {
            // The city's database outlives the host: this host's schema in it goes with the test.
            var builder = new NpgsqlConnectionStringBuilder(WebApp.ConnectionString);
            builder.Database = $"{builder.Database}_{City.ToLowerInvariant()}";
            await using var conn = new NpgsqlConnection(builder.ConnectionString);
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop schema if exists \"{app.Schema}\" cascade", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
