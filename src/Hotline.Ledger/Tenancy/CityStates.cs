using Hotline.Ledger.Storage;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Hotline.Ledger.Tenancy;

/// <summary>One line of a city's service record: taken out of service (停用) or brought back (启用), by whom, when and why.</summary>
public sealed record CityStateChange(string Code, bool Disabled, string? Reason, string By, DateTimeOffset At);

/// <summary>
/// Whether each city is in service (ADR 0185). A city is disabled and enabled again by lines appended to its
/// service record in the master database (<c>hl_city_states</c>), never by an edit: who, when and why stay on
/// file. Its database is kept whole either way. Every node reads the record again when its copy is older than
/// <c>Hotline:Cities:RefreshEvery</c> (by default the cities' revisions refresh, <c>Hotline:Rulebooks:RefreshEvery</c>,
/// 10 s); the node that changes a city's state knows at once.
/// </summary>
public sealed class CityStates(Cities cities, NpgsqlDataSource master, IConfiguration config, TimeProvider clock)
{
    public const string TableName = "hl_city_states";

    private readonly string _table = $"\"{config["Hotline:Schema"] ?? "hotline"}\".{TableName}";
    private readonly TimeSpan _every = config.GetValue<TimeSpan?>("Hotline:Cities:RefreshEvery")
        ?? config.GetValue("Hotline:Rulebooks:RefreshEvery", TimeSpan.FromSeconds(10));
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Snapshot? _snapshot;
    private bool _tableReady;

    private sealed record Snapshot(IReadOnlyDictionary<string, CityStateChange> Latest, DateTimeOffset ReadAt);

    /// <summary>True when the city with this code is out of service as this node last read the record.</summary>
    public async Task<bool> IsDisabledAsync(string code, CancellationToken ct = default) =>
        (await LatestAsync(ct)).TryGetValue(code, out var last) && last.Disabled;

    /// <summary>Each city's last change of state, by code; a city never disabled has none.</summary>
    public async Task<IReadOnlyDictionary<string, CityStateChange>> LatestAsync(CancellationToken ct = default)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.ReadAt < _every) return snapshot.Latest;
        await _reading.WaitAsync(ct);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && clock.GetUtcNow() - snapshot.ReadAt < _every) return snapshot.Latest;
            var read = await ReadLatestAsync(ct);
            _snapshot = new Snapshot(read, clock.GetUtcNow());
            return read;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>A city's whole service record, oldest first.</summary>
    public async Task<IReadOnlyList<CityStateChange>> HistoryAsync(string code, CancellationToken ct = default)
    {
        await EnsureTableAsync(ct);
        await using var command = master.CreateCommand($"select code, disabled, reason, by_user, at from {_table} where code = $1 order by seq");
        command.Parameters.AddWithValue(code);
        return await ReadAsync(command, ct);
    }

    /// <summary>Takes a city out of service. Refused for the default city (<c>city.default.disable</c>), an unknown code
    /// (<see cref="CityNotFoundException"/>) and a city already disabled (<c>city.disabled.already</c>).</summary>
    public Task<CityStateChange> DisableAsync(string code, string? reason, string by, CancellationToken ct = default) =>
        ChangeAsync(code, disabled: true, reason, by, ct);

    /// <summary>Brings a disabled city back into service; refused for a city in service (<c>city.enabled.already</c>).</summary>
    public Task<CityStateChange> EnableAsync(string code, string? reason, string by, CancellationToken ct = default) =>
        ChangeAsync(code, disabled: false, reason, by, ct);

    private async Task<CityStateChange> ChangeAsync(string code, bool disabled, string? reason, string by, CancellationToken ct)
    {
        code = code.Trim();
        if (string.Equals(code, cities.Default.Code, StringComparison.OrdinalIgnoreCase))
            throw new CityRefusedException("code", disabled ? "city.default.disable" : "city.enabled.already", cities.Default.Code);
        // Codes are capital letters; the city is found by the code as it was added.
        var city = await cities.FindAsync(code.ToUpperInvariant(), ct) ?? throw new CityNotFoundException(code);
        await EnsureTableAsync(ct);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

        // In the request's own transaction when it runs in the master database (a keyed request of the province's
        // administrator): the record and the key's answer then commit together (ADR 0060).
        var shared = CityScope.Current is null ? RequestTransaction.Current : null;
        var connection = shared?.Connection ?? await master.OpenConnectionAsync(ct);
        var transaction = shared ?? await connection.BeginTransactionAsync(ct);
        try
        {
            // One change of a city's state at a time, on every node: the second of two at once sees the first.
            await using (var locked = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext($1))", connection, transaction))
            {
                locked.Parameters.AddWithValue($"{TableName}:{city.Code}");
                await locked.ExecuteNonQueryAsync(ct);
            }

            await using (var last = new NpgsqlCommand($"select disabled from {_table} where code = $1 order by seq desc limit 1", connection, transaction))
            {
                last.Parameters.AddWithValue(city.Code);
                var now = await last.ExecuteScalarAsync(ct) is true;
                if (now == disabled) throw new CityRefusedException("code", disabled ? "city.disabled.already" : "city.enabled.already", city.Code);
            }

            CityStateChange change;
            await using (var insert = new NpgsqlCommand(
                $"insert into {_table} (code, disabled, reason, by_user, at) values ($1, $2, $3, $4, now()) returning code, disabled, reason, by_user, at",
                connection, transaction))
            {
                insert.Parameters.AddWithValue(city.Code);
                insert.Parameters.AddWithValue(disabled);
                insert.Parameters.AddWithValue((object?)reason ?? DBNull.Value);
                insert.Parameters.AddWithValue(by);
                change = (await ReadAsync(insert, ct))[0];
            }

            if (shared is null) await transaction.CommitAsync(ct);
            // This node knows at once (the others at their next read): the change is put into the copy held here.
            if (_snapshot is { } held)
                _snapshot = held with { Latest = new Dictionary<string, CityStateChange>(held.Latest, StringComparer.Ordinal) { [change.Code] = change } };
            return change;
        }
        finally
        {
            if (shared is null)
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, CityStateChange>> ReadLatestAsync(CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        await using var command = master.CreateCommand(
            $"select distinct on (code) code, disabled, reason, by_user, at from {_table} order by code, seq desc");
        return (await ReadAsync(command, ct)).ToDictionary(c => c.Code, StringComparer.Ordinal);
    }

    private static async Task<IReadOnlyList<CityStateChange>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var changes = new List<CityStateChange>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            changes.Add(new CityStateChange(reader.GetString(0), reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), new DateTimeOffset(reader.GetFieldValue<DateTime>(4), TimeSpan.Zero)));
        return changes;
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (_tableReady) return;
        await using var command = master.CreateCommand(
            $"create table if not exists {_table} (seq bigserial primary key, code text not null, disabled boolean not null, " +
            "reason text, by_user text not null, at timestamptz not null)");
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Two nodes creating the table at once (as for hl_cities): the loser's table is the winner's.
        }

        _tableReady = true;
    }
}

/// <summary>No city with this code on the deployment.</summary>
public sealed class CityNotFoundException(string code) : Exception(code)
{
    public string Code { get; } = code;
}
