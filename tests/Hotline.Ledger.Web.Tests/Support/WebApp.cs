using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Ledger.Api.Hosting;
using Hotline.Ledger.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Npgsql;

namespace Hotline.Ledger.Web.Tests.Support;

/// <summary>
/// The real application on Kestrel at 127.0.0.1 (a browser cannot reach an in-memory test server), in a
/// PostgreSQL schema of its own, and one headless Debian Chromium driven by Playwright. One per collection.
/// </summary>
public sealed class WebApp : IAsyncLifetime
{
    /// <summary>
    /// The server of <c>ConnectionStrings__Hotline</c>, with commits that do not wait for the disk
    /// (<c>synchronous_commit=off</c>): what a session or another one sees, its locks and its conflicts are the same;
    /// only a crash of the PostgreSQL server itself could lose the last commits, and no test crashes the server.
    /// </summary>
    public static readonly string ConnectionString = new NpgsqlConnectionStringBuilder(
        Environment.GetEnvironmentVariable("ConnectionStrings__Hotline") ?? HotlineHost.DefaultConnectionString)
    {
        Options = "-c synchronous_commit=off",
    }.ConnectionString;

    public const string DevelopmentKey = "hotline-web-test-development-key-0123456789";
    public const string Chromium = "/usr/bin/chromium";

    public string Schema { get; } = "w_" + Guid.NewGuid().ToString("N")[..12];
    public string BaseUrl { get; private set; } = "";
    public HttpClient Office { get; private set; } = null!;
    private WebApplication _host = null!;
    private IPlaywright _playwright = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await Start("Development", new()
        {
            ["Hotline:Schema"] = Schema,
            ["Hotline:Auth:DevelopmentKey"] = DevelopmentKey,
        });
        BaseUrl = _host.Urls.First().TrimEnd('/');

        Office = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Office.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token("office", ["office"]));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{Schema}\" cascade", conn);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The API's own host, as Program builds it, on Kestrel at a free loopback port.</summary>
    public static async Task<WebApplication> Start(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        settings["ConnectionStrings:Hotline"] = ConnectionString;
        settings["Logging:LogLevel:Default"] = Environment.GetEnvironmentVariable("HOTLINE_TEST_LOG_LEVEL") ?? "Critical";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddHotlineLedger();
        var host = builder.Build();
        host.MapHotlineLedger();
        await host.StartAsync();
        return host;
    }

    /// <summary>A fresh browser (own cookies) at office-PC size, signed in through the development sign-in.</summary>
    public async Task<IPage> SignedIn(string user, string role, string? unit = null, int width = 1366, int height = 768)
    {
        var page = await NewPage(width: width, height: height);
        var query = $"user={Uri.EscapeDataString(user)}&role={Uri.EscapeDataString(role)}" + (unit is null ? "" : $"&unit={Uri.EscapeDataString(unit)}");
        var response = await page.GotoAsync($"/signin/dev?{query}");
        Assert.Equal(200, response!.Status);
        return page;
    }

    /// <summary>A fresh browser (own cookies, not signed in) at office-PC size on this host, or on <paramref name="baseUrl"/>.</summary>
    public async Task<IPage> NewPage(string? baseUrl = null, int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? BaseUrl, Locale = "zh-CN", TimezoneId = "Asia/Shanghai", ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        // Both test projects run at once on two cores, and a host's first pages start cold: a page can take longer
        // than Playwright's 30 s default to load.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    public static string Token(string user, string[] roles, string? unit = null) =>
        DevelopmentTokens.Issue(DevelopmentKey, user, roles, unit,
            new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeProvider.System.GetUtcNow().AddDays(1));

    public async Task<JsonElement> Created(string url, object body)
    {
        var reply = await Office.PostAsJsonAsync(url, body);
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.Created, $"POST {url}: {(int)reply.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> Get(string url)
    {
        var reply = await Office.GetAsync(url);
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.IsSuccessStatusCode, $"GET {url}: {(int)reply.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A unit with a person, under a code no other test uses.</summary>
    public async Task<(Guid Unit, string Code, string Name, Guid Person)> NewUnit(string name, string person = "张伟")
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var unit = await Created("/api/units", new { code, name });
        var unitId = unit.GetProperty("id").GetGuid();
        var p = await Created("/api/people", new { name = person, unitId, effectiveOn = "2020-01-01" });
        return (unitId, code, name, p.GetProperty("id").GetGuid());
    }

    /// <summary>The unit's entries as the API lists them (its evidence trail, entries only).</summary>
    public async Task<List<JsonElement>> EntriesOf(Guid unit) =>
        (await Get($"/api/evidence?unitId={unit}")).EnumerateArray().Where(e => e.GetProperty("what").GetString() == "entry").ToList();

    public static string Today => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd");

    /// <summary>
    /// Saves a screenshot: under docs/screenshots/ (the README's) when HOTLINE_SCREENSHOTS=1, otherwise beside
    /// the test binaries, so that an ordinary test run leaves the working tree as it was.
    /// </summary>
    public static async Task Screenshot(IPage page, string name)
    {
        var dir = Environment.GetEnvironmentVariable("HOTLINE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hotline.Ledger.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Hotline.Ledger.sln not found above the test's folder.");
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebApp>
{
    public const string Name = "web";
}

/// <summary>
/// A second host and browser, in a schema of its own, so that the screens' tests run in two halves side by side:
/// most of a browser test's time is waiting for the page and the server, not working.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SecondWebCollection : ICollectionFixture<WebApp>
{
    public const string Name = "web: second";
}
