using Hotline.Ledger.Api.Hosting;
using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

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

    public static async Task<BenchHost> Start(string connectionString, string schema, CityClock clock, Action<StoreOptions>? tune = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(Hotline.Ledger.Api.Hosting.HotlineHost).Assembly.GetName().Name,
        });
        builder.Configuration["ConnectionStrings:Hotline"] = connectionString;
        builder.Configuration["Hotline:Schema"] = schema;
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
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddHotlineLedger();
        // The last registration wins: the store and every endpoint read the city's clock.
        builder.Services.AddSingleton<TimeProvider>(clock);
        if (tune is not null) builder.Services.ConfigureMarten(tune);

        var app = builder.Build();
        app.MapHotlineLedger();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchHost(app, new Uri(address));
    }

    public HttpClient Client(int connections = 64) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(30),
    }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(120) };

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
