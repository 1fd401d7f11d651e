using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Configuration;
using Npgsql;
using NpgsqlTypes;

namespace Hotline.Ledger.Web.SignIn;

/// <summary>
/// Sessions kept on the server: the cookie holds only a key, so signing out (or expiry) ends the session
/// for good — a copy of the cookie taken before is worth nothing after. They are rows in PostgreSQL
/// (<see cref="WebStorage"/>), so every node of several knows every session (docs/adr/0117-screens-on-any-node.md)
/// and a node that stops signs nobody out.
/// </summary>
public sealed class SessionStore(NpgsqlDataSource db, IConfiguration config, TimeProvider clock) : ITicketStore
{
    private readonly string _table = WebStorage.Qualified(config["Hotline:Schema"] ?? "hotline", WebStorage.Sessions);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var batch = db.CreateBatch();
        // Expired sessions go as new ones come: the table holds about the sessions of the day.
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"delete from {_table} where expires_at <= $1") { Parameters = { new() { Value = clock.GetUtcNow() } } });
        batch.BatchCommands.Add(Upsert(key, ticket));
        await batch.ExecuteNonQueryAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(Upsert(key, ticket));
        await batch.ExecuteNonQueryAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var command = db.CreateCommand($"select ticket from {_table} where key = $1 and (expires_at is null or expires_at > $2)");
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(clock.GetUtcNow());
        return await command.ExecuteScalarAsync() is byte[] bytes ? TicketSerializer.Default.Deserialize(bytes) : null;
    }

    public async Task RemoveAsync(string key)
    {
        await using var command = db.CreateCommand($"delete from {_table} where key = $1");
        command.Parameters.AddWithValue(key);
        await command.ExecuteNonQueryAsync();
    }

    private NpgsqlBatchCommand Upsert(string key, AuthenticationTicket ticket) =>
        new($"insert into {_table} (key, ticket, expires_at) values ($1, $2, $3) on conflict (key) do update set ticket = excluded.ticket, expires_at = excluded.expires_at")
        {
            Parameters =
            {
                new() { Value = key },
                new() { Value = TicketSerializer.Default.Serialize(ticket), NpgsqlDbType = NpgsqlDbType.Bytea },
                new() { Value = (object?)ticket.Properties.ExpiresUtc ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
            },
        };

    /// <summary>Gives the cookie scheme its store once the container is built.</summary>
    public sealed class Attach(SessionStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == WebAuth.CookieScheme) options.SessionStore = store;
        }
    }
}
