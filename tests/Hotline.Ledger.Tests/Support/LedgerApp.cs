using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alba;
using Hotline.Ledger.Api.Hosting;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hotline.Ledger.Tests.Support;

/// <summary>
/// The real API — Wolverine, Marten, PostgreSQL — in process, in a schema of its own that is
/// dropped when the test run ends. One per test collection.
/// </summary>
public class LedgerApp : IAsyncLifetime
{
    public static readonly string ConnectionString =
        Environment.GetEnvironmentVariable("ConnectionStrings__Hotline") ?? HotlineHost.DefaultConnectionString;

    public string Schema { get; } = "t_" + Guid.NewGuid().ToString("N")[..12];
    public IAlbaHost Host { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await AlbaHost.For<Program>(b =>
        {
            b.UseSetting("ConnectionStrings:Hotline", ConnectionString);
            b.UseSetting("Hotline:Schema", Schema);
            // Refused requests are the point of many tests; their logs would drown the report.
            b.UseSetting("Logging:LogLevel:Default", Environment.GetEnvironmentVariable("HOTLINE_TEST_LOG_LEVEL") ?? "Critical");
            b.UseSetting("Logging:Console:FormatterName", "simple");
            b.ConfigureTestServices(ConfigureServices);
        });
        Client = Host.Server.CreateClient();
    }

    /// <summary>A fixture that needs other services (e.g. a fake clock) overrides this; it runs after the app's own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{Schema}\" cascade", conn);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Every test starts from an empty ledger.</summary>
    public async Task Reset()
    {
        await Host.ResetAllMartenDataAsync();
        await Sql($"truncate \"{Schema}\".hl_idempotency");
        await Sql($"truncate {string.Join(", ", Hotline.Ledger.Cases.CaseFeedModule.Tables.Select(t => $"\"{Schema}\".{t}"))}");
    }

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Events really appended (failed appends leave tombstone rows, which are not events).</summary>
    public async Task<long> EventCount()
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"select count(*) from \"{Schema}\".mt_events where type <> 'tombstone'", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task Sql(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public Task<Reply> Post(string url, object body, string? idempotencyKey = null) =>
        Send(HttpMethod.Post, url, JsonContent.Create(body), idempotencyKey);

    public Task<Reply> PostRaw(string url, string rawBody, string? idempotencyKey = null) =>
        Send(HttpMethod.Post, url, new StringContent(rawBody, Encoding.UTF8, "application/json"), idempotencyKey);

    public Task<Reply> Get(string url) => Send(HttpMethod.Get, url, null, null);

    public async Task<Reply> Send(HttpMethod method, string url, HttpContent? content, string? idempotencyKey, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (accept is not null) request.Headers.Add("Accept", accept);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
    }

    /// <summary>POST that must succeed with <paramref name="status"/>; returns the JSON answer.</summary>
    public async Task<JsonElement> Created(string url, object body, HttpStatusCode status = HttpStatusCode.Created)
    {
        var reply = await Post(url, body);
        Assert.True(reply.Status == status, $"POST {url} answered {(int)reply.Status}, expected {(int)status}: {reply.Text}");
        return reply.Json;
    }

    public async Task<JsonElement> Ok(string url)
    {
        var reply = await Get(url);
        Assert.True(reply.Status == HttpStatusCode.OK, $"GET {url} answered {(int)reply.Status}: {reply.Text}");
        return reply.Json;
    }

    public async Task<Guid> NewUnit(string? code = null, string name = "测试单位")
    {
        var unit = await Created("/api/units", new { code = code ?? "U" + Guid.NewGuid().ToString("N")[..8], name });
        return unit.GetProperty("id").GetGuid();
    }

    public async Task<Guid> NewPerson(Guid unitId, string effectiveOn = "2019-12-20", string name = "张三")
    {
        var person = await Created("/api/people", new { name, unitId, effectiveOn });
        return person.GetProperty("id").GetGuid();
    }
}

public sealed record Reply(HttpStatusCode Status, string? MediaType, string Text)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    /// <summary>The problem-details messages for one field.</summary>
    public string[] ErrorsFor(string field) =>
        Json.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? messages.EnumerateArray().Select(m => m.GetString()!).ToArray()
            : [];
}

[CollectionDefinition(Name)]
public sealed class LedgerCollection : ICollectionFixture<LedgerApp>
{
    public const string Name = "ledger";
}

/// <summary>Base for HTTP tests: a clean ledger before each test.</summary>
[Collection(LedgerCollection.Name)]
public abstract class LedgerTest(LedgerApp app) : IAsyncLifetime
{
    protected LedgerApp App { get; } = app;

    public Task InitializeAsync() => App.Reset();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Asserts that the request failed with <paramref name="status"/> and appended nothing.</summary>
    protected async Task<Reply> Refused(Func<Task<Reply>> request, HttpStatusCode status, string? field = null)
    {
        var before = await App.EventCount();
        var reply = await request();
        Assert.True(reply.Status == status, $"expected {(int)status}, got {(int)reply.Status}: {reply.Text}");
        Assert.Equal("application/problem+json", reply.MediaType);
        if (field is not null) Assert.NotEmpty(reply.ErrorsFor(field));
        Assert.Equal(before, await App.EventCount());
        return reply;
    }
}
