using Npgsql;
using Weasel.Postgresql;

namespace Hotline.Ledger.Kernel;

/// <summary>
/// The database of the city in scope (<see cref="CityScope"/>), for the services that speak SQL without a
/// Marten session (the hash chain, the group commit, idempotency keys): the same calls as a data source's,
/// each reaching the city of the work in progress.
/// </summary>
public sealed class CityDatabase(IDocumentStore store)
{
    /// <summary>The data source of the city in scope.</summary>
    public NpgsqlDataSource Current => ((PostgresqlDatabase)store.Options.Tenancy.Default.Database).DataSource;

    public NpgsqlCommand CreateCommand(string? sql = null) => Current.CreateCommand(sql);

    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct = default) => Current.OpenConnectionAsync(ct);
}
