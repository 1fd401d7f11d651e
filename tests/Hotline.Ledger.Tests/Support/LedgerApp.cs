using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alba;
using Hotline.Ledger.Api.Hosting;
using Hotline.Ledger.Api.Security;
using Hotline.Ledger.Security;
using Marten;
using Marten.Events.Daemon.Coordination;
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

    /// <summary>The tests sign their tokens with this key, as `dotnet run -- token` does with run.sh's.</summary>
    public const string DevelopmentKey = "hotline-test-development-signing-key-0123456789";

    /// <summary>The default client's user: every role but liaison, named as the office's own desk.</summary>
    public const string DefaultUser = "office";

    public static readonly string[] DefaultRoles = Roles.All.Where(r => r != Roles.Liaison).ToArray();

    public string Schema { get; } = "t_" + Guid.NewGuid().ToString("N")[..12];
    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>Authenticated as <see cref="DefaultUser"/> with <see cref="DefaultRoles"/>.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await AlbaHost.For<Program>(b =>
        {
            Configure(b, Schema);
            ConfigureHost(b);
            b.ConfigureTestServices(ConfigureServices);
        });
        Client = ClientFor(DefaultUser, DefaultRoles);
    }

    /// <summary>A fixture that needs other services (e.g. a fake clock) overrides this; it runs after the app's own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>A fixture that needs other settings overrides this; it runs after <see cref="Configure"/>.</summary>
    protected virtual void ConfigureHost(IWebHostBuilder b)
    {
    }

    /// <summary>
    /// The settings of the test host: use it for any further host on the same schema (a restart test),
    /// so that it accepts the tests' tokens.
    /// </summary>
    public static void Configure(IWebHostBuilder b, string schema)
    {
        b.UseEnvironment("Development");
        b.UseSetting("ConnectionStrings:Hotline", ConnectionString);
        b.UseSetting("Hotline:Schema", schema);
        b.UseSetting("Hotline:Auth:DevelopmentKey", DevelopmentKey);
        // Each test host is alone on its schema: Solo starts Wolverine's agents at once, without an election.
        b.UseSetting("Hotline:Node:Durability", "Solo");
        // Tests empty the store under the catalog (and reset the catalog themselves): no node to learn from.
        b.UseSetting("Hotline:Rulebooks:RefreshEvery", "00:00:00");
        // The daily verification runs on the wall clock: at 02:30 it would record its result in whichever test is running,
        // between that test's own verification and the refusal it expects. Tests run it themselves.
        b.UseSetting("Hotline:Integrity:VerifyCron", "");
        // Refused requests are the point of many tests; their logs would drown the report.
        var logLevel = Environment.GetEnvironmentVariable("HOTLINE_TEST_LOG_LEVEL");
        b.UseSetting("Logging:LogLevel:Default", logLevel ?? "Critical");
        b.UseSetting("Logging:Console:FormatterName", "simple");
        // An unexpected 500 names only its correlation id in the answer: its exception goes to the test's log, so that
        // a failure seen once under load can be read rather than guessed at.
        if (logLevel is null)
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", "Error");
    }

    /// <summary>A bearer token for the test host. Valid from 2000 (a test may set the clock back) to tomorrow.</summary>
    public static string Token(string user, IEnumerable<string> roles, string? unitCode = null) =>
        DevelopmentTokens.Issue(DevelopmentKey, user, roles, unitCode,
            new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeProvider.System.GetUtcNow().AddDays(1));

    /// <summary>A client of <paramref name="host"/> (by default this app's) that sends a token for the user and roles.</summary>
    public HttpClient ClientFor(string user, IEnumerable<string> roles, string? unitCode = null, IAlbaHost? host = null) =>
        ClientOf(host ?? Host, user, roles, unitCode);

    /// <summary>A client of any host set up with <see cref="Configure"/>; by default as <see cref="DefaultUser"/>.</summary>
    public static HttpClient ClientOf(IAlbaHost host, string user = DefaultUser, IEnumerable<string>? roles = null, string? unitCode = null)
    {
        var client = English(host.Server.CreateClient());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(user, roles ?? DefaultRoles, unitCode));
        return client;
    }

    /// <summary>Requests as a user holding <paramref name="roles"/> (a liaison of <paramref name="unitCode"/>).</summary>
    public Caller As(string user, string[] roles, string? unitCode = null) => new(ClientFor(user, roles, unitCode));

    /// <summary>Requests as a liaison of the unit with this code.</summary>
    public Caller AsLiaison(string unitCode, string user = "liaison") => As(user, [Roles.Liaison], unitCode);

    /// <summary>Requests without any token.</summary>
    public Caller Anonymous => new(English(Host.Server.CreateClient()));

    /// <summary>
    /// The tests' clients ask for English answers: their assertions quote the English wording of the rules.
    /// The API's default, Chinese, and the codes are what LanguageTests check.
    /// </summary>
    public static HttpClient English(HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    /// <summary>A client with the default user's token that sends no Accept-Language (the API answers in Chinese).</summary>
    public HttpClient DefaultLanguageClient()
    {
        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(DefaultUser, DefaultRoles));
        return client;
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
        // What Marten's ResetAllMartenDataAsync empties (every mt_ table, the event sequence restarted), and the ledger's own
        // tables, by DELETE in one transaction: a test leaves a few rows, and deleting them is about ten times quicker here
        // than TRUNCATE, which gives each of the ~45 tables a new file and commits each one by one.
        var coordinator = Host.Services.GetService<IProjectionCoordinator>();
        if (coordinator is not null) await coordinator.PauseAsync();
        await Sql(ResetSql);
        if (coordinator is not null) await coordinator.ResumeAsync();
    }

    private string? _resetSql;

    private string ResetSql => _resetSql ??= EmptyLedgerSql(Schema, OwnTables);

    /// <summary>
    /// The SQL that empties a ledger schema: every mt_ table but the tenant registry, the given tables of our own, and
    /// the event sequence restarted. An added city's database is emptied by the same statement.
    /// </summary>
    protected static string EmptyLedgerSql(string schema, IEnumerable<string> ownTables) => $"""
        DO $$ DECLARE t text; BEGIN
          FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = '{schema}'
                   AND (tablename LIKE 'mt\_%' OR tablename = ANY (ARRAY['{string.Join("', '", ownTables)}']))
                   AND tablename <> 'mt_tenant_databases' LOOP
            EXECUTE format('DELETE FROM %I.%I', '{schema}', t);
          END LOOP;
          ALTER SEQUENCE IF EXISTS "{schema}".mt_events_sequence RESTART WITH 1;
        END $$;
        """;

    private static readonly string[] OwnTables = ["hl_idempotency", "hl_ledger_chain", .. Hotline.Ledger.Cases.CaseStorage.Tables];

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

    /// <summary>The rows of a query, each as its column values (null for SQL NULL).</summary>
    public async Task<List<object?[]>> Rows(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }

        return rows;
    }

    public Task<Reply> Post(string url, object body, string? idempotencyKey = null) =>
        Send(HttpMethod.Post, url, JsonContent.Create(body), idempotencyKey);

    public Task<Reply> PostRaw(string url, string rawBody, string? idempotencyKey = null) =>
        Send(HttpMethod.Post, url, new StringContent(rawBody, Encoding.UTF8, "application/json"), idempotencyKey);

    public Task<Reply> Get(string url) => Send(HttpMethod.Get, url, null, null);

    public Task<Reply> Send(HttpMethod method, string url, HttpContent? content, string? idempotencyKey, string? accept = null) =>
        Caller.Send(Client, method, url, content, idempotencyKey, accept);

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

/// <summary>Requests through one client (one user's token, or none).</summary>
public sealed class Caller(HttpClient client)
{
    public HttpClient Client => client;

    public Task<Reply> Get(string url) => Send(client, HttpMethod.Get, url, null, null);

    public Task<Reply> Post(string url, object body, string? idempotencyKey = null) =>
        Send(client, HttpMethod.Post, url, JsonContent.Create(body), idempotencyKey);

    public Task<Reply> Send(HttpMethod method, string url, HttpContent? content = null) => Send(client, method, url, content, null);

    public static async Task<Reply> Send(HttpClient client, HttpMethod method, string url, HttpContent? content, string? idempotencyKey, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (accept is not null) request.Headers.Add("Accept", accept);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
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
