using Hotline.Ledger.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Npgsql;
using Microsoft.Playwright;

namespace Hotline.Ledger.Web.Tests;

/// <summary>A session that ran out says so, on the next page and on the entry form's background requests.</summary>
[Collection(WebCollection.Name)]
public sealed class SessionExpiryTests(WebApp app) : IAsyncLifetime
{
    private readonly string _schema = "w_" + Guid.NewGuid().ToString("N")[..12];
    private WebApplication _host = null!;

    // A session of thirty seconds without use, so that the test can outwait it.
    public async Task InitializeAsync() => _host = await WebApp.Start("Development", new()
    {
        ["Hotline:Schema"] = _schema,
        ["Hotline:Auth:DevelopmentKey"] = WebApp.DevelopmentKey,
        ["Hotline:Web:SessionMinutes"] = "0.5",
    });

    [Fact]
    public async Task An_expired_session_is_told_so_and_signing_in_again_returns_to_the_page()
    {
        var page = await app.NewPage(_host.Urls.First());
        await page.GotoAsync("/signin/dev?user=%E7%8E%8B%E8%8A%B3&role=office&returnUrl=%2Fsigned-out");
        await page.GotoAsync("/entries/new");
        Assert.Contains("记录加减分", await page.InnerTextAsync("h1"));

        await Task.Delay(TimeSpan.FromSeconds(32));
        // The form's preview, asked after the session ran out, says so in the form.
        await page.FillAsync("#points", "3");
        await page.Locator("[data-test=session-expired]").WaitForAsync();

        await page.GotoAsync("/entries");
        Assert.Contains("/signin", page.Url);
        Assert.Contains("expired=true", page.Url);
        Assert.Contains("登录已过期", await page.InnerTextAsync("[data-test=expired]"));

        await page.FillAsync("#user", "王芳");
        await page.ClickAsync("button[type=submit]");
        try
        {
            // The page's own HTML is what is asserted; its scripts and styles need not have loaded.
            await page.WaitForURLAsync("**/entries", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Signing in again left the browser at {page.Url}, showing: {await page.InnerTextAsync("body")}");
        }
        Assert.Contains("加减分记录", await page.InnerTextAsync("h1"));
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        await using var conn = new NpgsqlConnection(WebApp.ConnectionString);
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{_schema}\" cascade", conn);
        await drop.ExecuteNonQueryAsync();
    }
}
