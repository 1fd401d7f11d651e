using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Marten.Services;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Wolverine;
using Wolverine.Persistence.Durability;
using Wolverine.Runtime;

namespace Hotline.Ledger.Tenancy;

/// <summary>
/// The cities on this deployment (ADR 0110): the default city, whose database is the master database,
/// and every city added since, each with a database of its own. Their codes and Chinese names are kept
/// in the master database beside Marten's registry of tenant databases; a city is listed once its
/// database holds the ledger's schema.
/// </summary>
public sealed partial class Cities(IDocumentStore store, NpgsqlDataSource master, IConfiguration config, IServiceProvider services)
{
    public const string TableName = "hl_cities";

    private readonly string _table = $"\"{config["Hotline:Schema"] ?? "hotline"}\".{TableName}";
    private readonly ConcurrentDictionary<string, City> _known = new(StringComparer.Ordinal);
    private bool _tableReady;

    /// <summary>The default city: what a token without a <c>city</c> claim (or naming this code) reaches.</summary>
    public City Default { get; } = new(
        config["Hotline:City:Code"] is { Length: > 0 } code ? code.Trim() : "xy",
        config["Hotline:City:Name"] is { Length: > 0 } name ? name.Trim() : "信阳市",
        IsDefault: true);

    private CityTenancy Tenancy => (CityTenancy)store.Options.Tenancy;

    /// <summary>Every city, the default city first, then the added ones by code.</summary>
    public async Task<IReadOnlyList<City>> ListAsync(CancellationToken ct = default)
    {
        await EnsureTableAsync(ct);
        var cities = new List<City> { Default };
        await using var command = master.CreateCommand($"select code, name from {_table} order by code");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var city = new City(reader.GetString(0), reader.GetString(1));
            _known[city.Code] = city;
            cities.Add(city);
        }

        return cities;
    }

    /// <summary>A read-only session on one city's database (its code as <see cref="ListAsync"/> gives it).</summary>
    public IQuerySession Query(string cityCode) =>
        string.Equals(cityCode, Default.Code, StringComparison.OrdinalIgnoreCase)
            ? store.QuerySession(SessionOptions.ForDatabase(Tenancy.DefaultDatabase))
            : store.QuerySession(cityCode);

    /// <summary>The city with this code, or null when there is none on this deployment.</summary>
    public async Task<City?> FindAsync(string code, CancellationToken ct = default)
    {
        if (string.Equals(code, Default.Code, StringComparison.OrdinalIgnoreCase)) return Default;
        if (_known.TryGetValue(code, out var known)) return known;
        return (await ListAsync(ct)).FirstOrDefault(c => c.Code == code);
    }

    /// <summary>
    /// Adds a city at run time: creates its database (unless <paramref name="connection"/> names one that
    /// exists), applies the ledger's schema and Wolverine's message tables there, registers it with Marten,
    /// and lists it. Its rulebooks start as the built-in ones, as a new single-city ledger's do.
    /// </summary>
    public async Task<City> AddAsync(string code, string name, string? connection = null, CancellationToken ct = default) =>
        await AddAsync(code, name, connection, withMessageStore: true, ct);

    /// <summary>
    /// As above; without <paramref name="withMessageStore"/> (the command line, whose host does not run
    /// Wolverine) the city's message tables are made by the API when it next looks for new databases.
    /// </summary>
    public async Task<City> AddAsync(string code, string name, string? connection, bool withMessageStore, CancellationToken ct = default)
    {
        if (code is null || !CodeFormat().IsMatch(code) || string.Equals(code, Default.Code, StringComparison.OrdinalIgnoreCase)) throw new CityRefusedException("code", "city.code.format");
        if (string.IsNullOrWhiteSpace(name)) throw new CityRefusedException("name", "city.name.blank");
        if (await FindAsync(code, ct) is not null) throw new CityRefusedException("code", "city.exists", code);

        // Marten makes its registry table when it first lists the databases.
        await Tenancy.BuildDatabases();
        connection ??= await CreateDatabaseAsync(code, ct);
        await Tenancy.Registry.AddDatabaseRecordAsync(code, connection);
        var database = await store.Storage.FindOrCreateDatabase(code);
        await database.ApplyAllConfiguredChangesToDatabaseAsync();
        // The city's durable inbox, outbox and scheduled messages, in its own database.
        if (withMessageStore && services.GetService(typeof(IWolverineRuntime)) is IWolverineRuntime { Storage: MultiTenantedMessageStore messages })
            await messages.GetDatabaseAsync(code);

        var city = new City(code, name.Trim());
        await using (var insert = master.CreateCommand($"insert into {_table} (code, name, added_at) values ($1, $2, now())"))
        {
            insert.Parameters.AddWithValue(city.Code);
            insert.Parameters.AddWithValue(city.Name);
            await insert.ExecuteNonQueryAsync(ct);
        }

        _known[city.Code] = city;
        return city;
    }

    /// <summary>The city's database beside the master one, named after it (hotline → hotline_xy); reused when it exists.</summary>
    private async Task<string> CreateDatabaseAsync(string code, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(config.GetConnectionString("Hotline") ?? master.ConnectionString);
        var name = $"{builder.Database}_{code.ToLowerInvariant().Replace('-', '_')}";
        await using (var exists = master.CreateCommand("select 1 from pg_database where datname = $1"))
        {
            exists.Parameters.AddWithValue(name);
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = master.CreateCommand($"create database \"{name}\"");
                try
                {
                    await create.ExecuteNonQueryAsync(ct);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                    // Created a moment ago by another process adding a city of this name: it is there, which is what counts.
                }
            }
        }

        builder.Database = name;
        return builder.ConnectionString;
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (_tableReady) return;
        await using var command = master.CreateCommand(
            $"create table if not exists {_table} (code text primary key, name text not null, added_at timestamptz not null)");
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Two nodes (or two jobs of one) creating the table at once: PostgreSQL's "if not exists" does not
            // cover the race on its catalogue, and the loser's table is the winner's.
        }

        _tableReady = true;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9-]{1,15}$")]
    private static partial Regex CodeFormat();
}

/// <summary>A city that cannot be added as asked: the field and the catalogue's code.</summary>
public sealed class CityRefusedException(string field, string code, params object?[] args) : Exception(code)
{
    public string Field { get; } = field;
    public string Code { get; } = code;
    public object?[] Args { get; } = args;
}
