using Hotline.Ledger.Kernel;
using System.Globalization;
using System.Security.Cryptography;
using Hotline.Ledger.Http;
using Hotline.Ledger.Storage;
using Hotline.Ledger.Tenancy;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Npgsql;

namespace Hotline.Ledger.Api.Idempotency;

/// <summary>
/// Every write (POST, PUT, DELETE) honours an Idempotency-Key: the same key with the same request answers the first
/// response again (status, body, Location) and appends nothing; the same key with another request is a
/// 409. The request runs in one PostgreSQL transaction that holds the key's row from the start: the
/// sessions it opens write through it (<see cref="RequestSessionFactory"/>), and its answer is stored in
/// it, so the write, the key and the answer commit together or not at all (ADR 0060). A repeat waits
/// on the key's row for the first to finish; a request that dies loses its transaction and the key is
/// free again, at the latest after the configured lease. Keys are kept in the database of the request's city.
/// </summary>
public sealed class IdempotencyMiddleware(
    RequestDelegate next, CityDatabase db, IConfiguration config, TimeProvider clock, IOptions<IdempotencyOptions> options)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = KeyedAnswers.ReplayedHeader;
    private readonly string _table = $"\"{config["Hotline:Schema"] ?? "hotline"}\".{IdempotencyStorage.TableName}";
    private readonly IdempotencyOptions _options = options.Value;

    public async Task InvokeAsync(HttpContext http)
    {
        var method = http.Request.Method;
        var write = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method);
        if (!write || !http.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(http);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > 200)
        {
            await Problems.Status(StatusCodes.Status400BadRequest, "idempotency.key.length").ExecuteAsync(http);
            return;
        }

        var scope = $"{RequestActor.Of(http)}|{key}";
        var hash = await HashOf(http.Request);
        if (http.GetEndpoint()?.Metadata.GetMetadata<KeysTakenInGroupCommit>() is not null)
        {
            // The endpoint writes through the group commit, whose step takes the key with the write and
            // keeps its answer (ADR 0120); an answer already committed is given from here.
            if (await ReplayAnswered(http, scope, hash)) return;
            http.Features.Set(new IdempotencyClaim(scope, hash));
            await next(http);
            return;
        }

        var headersBefore = http.Response.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);

        // Not the request's token: a client that hung up is the one that will retry, and the answer must
        // be committed or rolled back whole whatever it does.
        var none = CancellationToken.None;
        await using var connection = await db.OpenConnectionAsync(none);
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await connection.BeginTransactionAsync(none);
            switch (await Take(connection, transaction, scope, hash))
            {
                case Taken.Busy:
                    await transaction.RollbackAsync(none);
                    http.Response.Headers.RetryAfter = Math.Max(1, (int)_options.Wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    await Conflict(http, "idempotency.busy");
                    return;
                case Taken.Before:
                    await transaction.RollbackAsync(none);
                    await Replay(http, scope, hash);
                    return;
            }

            var original = http.Response.Body;
            using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            bool again;
            try
            {
                using (RequestTransaction.Share(transaction))
                    await next(http);
                again = false;
            }
            catch (Exception e) when (attempt < _options.Attempts && StoreConflicts.IsConflict(e) && !http.Response.HasStarted)
            {
                // Lost a race with another writer: the transaction is spoiled, so the whole request is done again.
                again = true;
            }
            catch
            {
                await RollbackQuietly(transaction);
                throw;
            }
            finally
            {
                http.Response.Body = original;
            }

            if (again)
            {
                await RollbackQuietly(transaction);
                http.Request.Body.Position = 0;
                http.Response.StatusCode = StatusCodes.Status200OK;
                http.Response.Headers.Clear();
                foreach (var (name, value) in headersBefore) http.Response.Headers[name] = value;
                continue;
            }

            if (http.Response.StatusCode is >= 200 and < 300)
            {
                await Keep(connection, transaction, scope, http.Response, buffer.ToArray());
                // If this fails the write's fate is unknown to us: the 500 says so, and a retry with the
                // key finds out (the stored answer if it committed, the write done once if it did not).
                await transaction.CommitAsync(none);
            }
            else
            {
                // A refused request wrote nothing; its key is free for a corrected retry.
                await transaction.RollbackAsync(none);
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(original, http.RequestAborted);
            return;
        }
    }

    private static async Task<string> HashOf(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0) sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private enum Taken { Now, Before, Busy }

    /// <summary>
    /// Inserts the key's row in the request's transaction. A twin still running holds that row: this
    /// waits for it, up to the configured wait. A row without an answer was left by the way keys were
    /// kept before answers committed with their writes; it is taken over.
    /// </summary>
    private async Task<Taken> Take(NpgsqlConnection connection, NpgsqlTransaction transaction, string scope, string hash)
    {
        await using (var limits = new NpgsqlCommand(
            $"select set_config('lock_timeout', $1, true), set_config('idle_in_transaction_session_timeout', $2, true)", connection, transaction))
        {
            limits.Parameters.AddWithValue($"{(long)_options.Wait.TotalMilliseconds}ms");
            limits.Parameters.AddWithValue($"{(long)_options.Lease.TotalMilliseconds}ms");
            await limits.ExecuteNonQueryAsync();
        }

        int taken;
        try
        {
            await using var insert = new NpgsqlCommand(
                $"""
                 insert into {_table} as k (scope, request_hash, created_at) values ($1, $2, $3)
                 on conflict (scope) do update set request_hash = excluded.request_hash, created_at = excluded.created_at
                 where k.status_code is null
                 """, connection, transaction);
            insert.Parameters.AddWithValue(scope);
            insert.Parameters.AddWithValue(hash);
            insert.Parameters.AddWithValue(clock.GetUtcNow());
            taken = await insert.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return Taken.Busy;
        }

        await using (var reset = new NpgsqlCommand("select set_config('lock_timeout', '0', true)", connection, transaction))
            await reset.ExecuteNonQueryAsync();
        return taken == 1 ? Taken.Now : Taken.Before;
    }

    private async Task Keep(NpgsqlConnection connection, NpgsqlTransaction transaction, string scope, HttpResponse response, byte[] body)
    {
        await using var cmd = new NpgsqlCommand(
            $"update {_table} set status_code = $2, content_type = $3, location = $4, body = $5 where scope = $1", connection, transaction);
        cmd.Parameters.AddWithValue(scope);
        cmd.Parameters.AddWithValue(response.StatusCode);
        cmd.Parameters.AddWithValue((object?)response.ContentType ?? DBNull.Value);
        cmd.Parameters.AddWithValue(StringValues.IsNullOrEmpty(response.Headers.Location) ? DBNull.Value : response.Headers.Location.ToString());
        cmd.Parameters.AddWithValue(body);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task RollbackQuietly(NpgsqlTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection is gone: PostgreSQL has rolled the transaction back itself.
        }
    }

    private async Task Replay(HttpContext http, string scope, string hash)
    {
        await using var cmd = db.CreateCommand($"select request_hash, status_code, content_type, location, body from {_table} where scope = $1");
        cmd.Parameters.AddWithValue(scope);
        await using var reader = await cmd.ExecuteReaderAsync();
        if (!await reader.ReadAsync() || reader.IsDBNull(1))
        {
            // The first request has just rolled back (or is an old unanswered row): nothing was written.
            await Conflict(http, "idempotency.incomplete");
            return;
        }

        if (reader.GetString(0) != hash)
        {
            await Conflict(http, "idempotency.reused");
            return;
        }

        http.Response.StatusCode = reader.GetInt32(1);
        if (!reader.IsDBNull(2)) http.Response.ContentType = reader.GetString(2);
        if (!reader.IsDBNull(3)) http.Response.Headers.Location = reader.GetString(3);
        http.Response.Headers[ReplayedHeader] = "true";
        var body = reader.IsDBNull(4) ? [] : (byte[])reader[4];
        await http.Response.Body.WriteAsync(body);
    }

    /// <summary>Answers from the key's committed answer, if it has one: the first response, or 409 for another request.</summary>
    private async Task<bool> ReplayAnswered(HttpContext http, string scope, string hash)
    {
        await using var cmd = db.CreateCommand($"select request_hash from {_table} where scope = $1 and status_code is not null");
        cmd.Parameters.AddWithValue(scope);
        if (await cmd.ExecuteScalarAsync() is not string stored) return false;
        if (stored != hash) await Conflict(http, "idempotency.reused");
        else await Replay(http, scope, hash);
        return true;
    }

    private static Task Conflict(HttpContext http, string code) =>
        Problems.Status(StatusCodes.Status409Conflict, code).ExecuteAsync(http);
}
