using System.Net.Http.Headers;
using Hotline.Ledger.Api.Security;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tenancy;
using Hotline.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hotline.Ledger.Tests.Tenancy;

/// <summary>
/// The ledger with two cities added beside the default one, each in a database of its own (named after the
/// master database: hotline_xa, hotline_xb), and in those databases this host's own schema, dropped at the end.
/// </summary>
public sealed class CityApp : LedgerApp, IAsyncLifetime
{
    public const string A = "XA";
    public const string B = "XB";

    /// <summary>The city the disabling tests take out of service and bring back; no other test uses it.</summary>
    public const string C = "XC";

    /// <summary>
    /// A reply deadline counts as passed as soon as it passes (no feed grace), so that a test on the real clock sees one
    /// pass within seconds (the disabling tests).
    /// </summary>
    protected override void ConfigureServices(IServiceCollection services) =>
        services.PostConfigure<Hotline.Ledger.Deadlines.DeadlineOptions>(o => o.FeedGrace = TimeSpan.Zero);

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var cities = Host.Services.GetRequiredService<Cities>();
        await cities.AddAsync(A, "信阳市");
        await cities.AddAsync(B, "济源市");
        await cities.AddAsync(C, "南阳市");
    }

    /// <summary>A client holding a token of <paramref name="city"/> (null: the default city).</summary>
    public Caller InCity(string? city, string user, string[] roles, string? unitCode = null)
    {
        var client = English(Host.Server.CreateClient());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Issue(
            DevelopmentKey, user, roles, unitCode, new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeProvider.System.GetUtcNow().AddDays(1), city));
        return new Caller(client);
    }

    public Caller Office(string? city) => InCity(city, "office", DefaultRoles);

    /// <summary>The connection string of a city's own database.</summary>
    public static string DatabaseOf(string city) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = $"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}_{city.ToLowerInvariant()}" }.ConnectionString;

    /// <summary>A value read in a city's own database, in this host's schema.</summary>
    public async Task<object?> ScalarIn(string city, string sql)
    {
        await using var conn = new NpgsqlConnection(DatabaseOf(city));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql.Replace("{schema}", $"\"{Schema}\""), conn);
        return await cmd.ExecuteScalarAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var city in new[] { A, B, C })
        {
            await using var conn = new NpgsqlConnection(DatabaseOf(city));
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop schema if exists \"{Schema}\" cascade", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static readonly string[] OwnTables = ["hl_idempotency", "hl_ledger_chain", .. Hotline.Ledger.Cases.CaseStorage.Tables];

    /// <summary>Every city's ledger emptied: the default one as <see cref="LedgerApp.Reset"/> does, and each added city's database.</summary>
    public async Task ResetAll()
    {
        await Reset();
        foreach (var city in new[] { A, B, C })
        {
            await ScalarIn(city, EmptyLedgerSql(Schema, OwnTables));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CityCollection : ICollectionFixture<CityApp>
{
    public const string Name = "cities";
}
