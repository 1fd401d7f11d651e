using JasperFx.Descriptors;
using JasperFx.MultiTenancy;
using Marten.Schema;
using Marten.Storage;
using Npgsql;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace Hotline.Ledger.Tenancy;

/// <summary>
/// Marten's database-per-tenant tenancy with its registry table in the master database
/// (<see cref="MasterTableTenancy"/>), with one thing it lacks: a default tenant. The master database is
/// also the default city's database, so a single-city deployment is one database and names no tenant,
/// exactly as before; each added city is a row in the registry and a database of its own, found at run
/// time without a restart. The default tenant is the city in scope (<see cref="CityScope"/>): a session
/// opened without naming a tenant reaches that city's database (ADR 0110).
/// </summary>
public sealed class CityTenancy : ITenancy, ITenancyWithMasterDatabase, IAsyncDisposable
{
    /// <summary>The default city's database's identifier among the store's databases.</summary>
    public const string DefaultDatabaseIdentifier = "default";

    private readonly MasterTableTenancy _cities;
    private readonly Tenant _default;

    public CityTenancy(StoreOptions options, NpgsqlDataSource master, string schema)
    {
        _cities = new MasterTableTenancy(options, new MasterTableTenancyOptions { DataSource = master, SchemaName = schema });
        DefaultDatabase = new MartenDatabase(options, master, DefaultDatabaseIdentifier);
        _default = new Tenant(JasperFx.StorageConstants.DefaultTenantId, DefaultDatabase);
    }

    /// <summary>The default city's database: the master database.</summary>
    public MartenDatabase DefaultDatabase { get; }

    /// <summary>The registry of the added cities' databases.</summary>
    public MasterTableTenancy Registry => _cities;

    public PostgresqlDatabase TenantDatabase => _cities.TenantDatabase;

    public DatabaseCardinality Cardinality => DatabaseCardinality.DynamicMultiple;

    public Tenant Default => CityScope.Current is { } city ? _cities.GetTenant(city) : _default;

    public IDocumentCleaner Cleaner => _cities.Cleaner;

    public async ValueTask<IReadOnlyList<IDatabase>> BuildDatabases()
    {
        var cities = await _cities.BuildDatabases();
        // The registry's own lookup database is the master database, which is the default city's: listed once, whole.
        return [DefaultDatabase, .. cities.Where(d => d is IMartenDatabase)];
    }

    public async ValueTask<DatabaseUsage> DescribeDatabasesAsync(CancellationToken token)
    {
        var usage = await _cities.DescribeDatabasesAsync(token);
        usage.Databases.Insert(0, DefaultDatabase.Describe());
        return usage;
    }

    public Tenant GetTenant(string tenantId) => IsDefault(tenantId) ? _default : _cities.GetTenant(tenantId);

    public async ValueTask<Tenant> GetTenantAsync(string tenantId) =>
        IsDefault(tenantId) ? _default : await _cities.GetTenantAsync(tenantId);

    public async ValueTask<IMartenDatabase> FindOrCreateDatabase(string tenantIdOrDatabaseIdentifier) =>
        IsDefault(tenantIdOrDatabaseIdentifier) || tenantIdOrDatabaseIdentifier == DefaultDatabaseIdentifier
            ? DefaultDatabase
            : await _cities.FindOrCreateDatabase(tenantIdOrDatabaseIdentifier);

    public async ValueTask<IMartenDatabase> FindDatabase(DatabaseId id) =>
        id == DefaultDatabase.Id ? DefaultDatabase : await _cities.FindDatabase(id);

    public bool IsTenantStoredInCurrentDatabase(IMartenDatabase database, string tenantId) =>
        IsDefault(tenantId) ? ReferenceEquals(database, DefaultDatabase) : _cities.IsTenantStoredInCurrentDatabase(database, tenantId);

    private static bool IsDefault(string tenantId) =>
        string.IsNullOrEmpty(tenantId) || tenantId == JasperFx.StorageConstants.DefaultTenantId;

    public void Dispose()
    {
        DefaultDatabase.Dispose();
        _cities.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await DefaultDatabase.DisposeAsync();
        await _cities.DisposeAsync();
    }
}
