using System.Net;
using Hotline.Ledger.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace Hotline.Ledger.Web.Tests;

/// <summary>Outside Development there is no way in but the identity provider: no sign-in page, no sign-in by URL.</summary>
public sealed class ProductionTests : IAsyncLifetime
{
    private readonly string _schema = "w_" + Guid.NewGuid().ToString("N")[..12];
    private WebApplication _host = null!;

    public async Task InitializeAsync() => _host = await WebApp.Start("Production", new()
    {
        ["Hotline:Schema"] = _schema,
        ["Hotline:Auth:Issuer"] = "https://idp.example",
        ["Hotline:Auth:Audience"] = "hotline-ledger",
        ["Hotline:Auth:SigningKey"] = "a-production-shared-secret-of-enough-bytes-0123456789",
    });

    [Fact]
    public async Task Neither_the_sign_in_page_nor_sign_in_by_url_exists()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_host.Urls.First()) };

        // Not mapped at all: like any unknown path, it answers as the API does to an anonymous caller.
        var byUrl = await client.GetAsync("/signin/dev?user=x&role=office");
        Assert.True(byUrl.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"{byUrl.StatusCode}");
        Assert.False(byUrl.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/signin")).StatusCode);
        var posted = await client.PostAsync("/signin", new FormUrlEncodedContent([new("User", "x"), new("Roles", "office")]));
        Assert.True(posted.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{posted.StatusCode}");
        Assert.DoesNotContain(posted.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("hotline.session"));

        // Without an identity provider configured, the start page says sign-in is not set up.
        var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith("/signin/unavailable", start.Headers.Location!.PathAndQuery);
        Assert.Contains("统一身份认证", await client.GetStringAsync("/signin/unavailable"));
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
