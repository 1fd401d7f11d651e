using Hotline.Ledger.Api.Hosting;
using Hotline.Ledger.Api.Security;
using Hotline.Ledger.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Hotline.Ledger.Benchmarks.Running;

/// <summary>
/// The real API — Kestrel on 127.0.0.1 (an ephemeral port), Wolverine, Marten — in this process, on
/// the local PostgreSQL, in a schema of its own, with the city's clock as its TimeProvider.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private BenchHost(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }
    public Uri Address { get; }
    public IDocumentStore Store => App.Services.GetRequiredService<IDocumentStore>();
    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <param name="clock">The city's clock (or the province's, which keeps one per city).</param>
    /// <param name="node">The node's name among several on the schema (ADR 0115); the machine's name when null.</param>
    public static async Task<BenchHost> Start(string connectionString, string schema, TimeProvider clock, Action<StoreOptions>? tune = null, string? node = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(Hotline.Ledger.Api.Hosting.HotlineHost).Assembly.GetName().Name,
            // The development signing key is only accepted in Development (docs/security.md).
            EnvironmentName = "Development",
        });
        builder.Configuration["Hotline:Auth:DevelopmentKey"] = DevelopmentKey;
        builder.Configuration["ConnectionStrings:Hotline"] = connectionString;
        builder.Configuration["Hotline:Schema"] = schema;
        if (node is not null) builder.Configuration["Hotline:Node:Name"] = node;
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] = "Error";
        builder.Configuration["Logging:LogLevel:Wolverine"] = "Error";
        builder.Configuration["Logging:LogLevel:Marten"] = "Error";
        // The city's live feed plays ~1,000 times faster than real time, while Wolverine fires scheduled
        // messages by the wall clock: a simulated day's per-minute deadline checks would all fire at once and
        // swamp every measurement. Checks are coalesced per day of the city's clock instead, and the hourly
        // wall-clock sweep is moved out of the run; the run drains the judgements itself (docs/benchmarks.md).
        builder.Configuration["Hotline:Deadlines:Coalesce"] = "1.00:00:00";
        builder.Configuration["Hotline:Deadlines:SweepCron"] = "0 4 1 1 *";
        // The figures are of what ships (the shared session for single entries without a key, ADR 0196) unless
        // HOTLINE_JOINT=false asks to measure each entry in its own savepoint.
        if (Environment.GetEnvironmentVariable("HOTLINE_JOINT") is { } joint) builder.Configuration["Hotline:GroupCommit:Joint"] = joint;
        // HOTLINE_ONE_STATEMENT=false measures the shared save with Marten's own append per entry (ADR 0187).
        if (Environment.GetEnvironmentVariable("HOTLINE_ONE_STATEMENT") is { } one) builder.Configuration["Hotline:GroupCommit:OneStatement"] = one;
        // HOTLINE_SEAL_IN_SAVE=false measures the seal that takes the chain's lock and reads the batch back at its end (ADR 0203).
        if (Environment.GetEnvironmentVariable("HOTLINE_SEAL_IN_SAVE") is { } seal) builder.Configuration["Hotline:GroupCommit:SealInSave"] = seal;
        // HOTLINE_WRITERS=n measures n batches of single entries in flight at once (ADR 0196, 0182; one ships).
        if (Environment.GetEnvironmentVariable("HOTLINE_WRITERS") is { } writers) builder.Configuration["Hotline:GroupCommit:Writers"] = writers;
        builder.Logging.ClearProviders();
        // Logs go with the progress to standard error: standard output carries the table only.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddHotlineLedger();
        // The last registration wins: the store and every endpoint read the city's clock.
        builder.Services.AddSingleton<TimeProvider>(clock);
        if (tune is not null) builder.Services.ConfigureMarten(tune);
        // The screens' tokens to the API are checked on the wall clock, like every bearer token here: minted on
        // the city's clock (years ago) they would be expired. The session cookie keeps the city's clock.
        builder.Services.AddSingleton(sp => new Hotline.Ledger.Web.SignIn.SessionTokens(TimeProvider.System, sp.GetRequiredService<IConfiguration>()));

        var app = builder.Build();
        app.MapHotlineLedger();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchHost(app, new Uri(address));
    }

    /// <summary>
    /// A client that calls as the office, an auditor and the platform's feed at once (a token may hold several
    /// roles): every route the benchmark calls admits one of them. Valid from 2000 (the city's clock lies in
    /// the past) to two days from now (lifetimes are checked on the wall clock).
    /// </summary>
    public HttpClient Client(int connections = 64) => Client(connections, city: null);

    /// <summary>As above, for a user of <paramref name="city"/> (its code; null: the default city).</summary>
    public HttpClient Client(int connections, string? city)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(30),
        }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(120) };
        var token = DevelopmentTokens.Issue(DevelopmentKey, "benchmark", [Roles.Office, Roles.Auditor, Roles.Feed], null,
            new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeProvider.System.GetUtcNow().AddDays(2), city);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private const string DevelopmentKey = "hotline-benchmark-development-signing-key-0123456789";

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public static async Task DropSchema(string connectionString, string schema)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{schema}\" cascade", conn) { CommandTimeout = 600 };
        await drop.ExecuteNonQueryAsync();
    }
}
