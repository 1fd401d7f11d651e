using System.Security.Cryptography;
using Hotline.Ledger.Http;
using Npgsql;

namespace Hotline.Ledger.Api.Idempotency;

/// <summary>
/// Every write (POST, PUT, DELETE) honours an Idempotency-Key: the same key with the same request answers the first
/// response again and appends nothing; the same key with another request is a 409. A key is taken
/// before the request runs (so a concurrent twin waits for nothing and gets a 409), kept with the
/// response when the request succeeds, and released when it fails, so a corrected retry may reuse it.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, NpgsqlDataSource db, IConfiguration config, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    private readonly string _table = $"\"{config["Hotline:Schema"] ?? "hotline"}\".{IdempotencyStorage.TableName}";

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
            await Results.Problem(title: "Invalid Idempotency-Key", detail: "The Idempotency-Key header must hold 1 to 200 characters.",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
            return;
        }

        var scope = $"{RequestActor.Of(http)}|{key}";
        var hash = await HashOf(http.Request);

        if (!await TryTake(scope, hash))
        {
            await Replay(http, scope, hash);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            await Release(scope);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        if (http.Response.StatusCode is >= 200 and < 300) await Keep(scope, http.Response, buffer.ToArray());
        else await Release(scope);

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
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

    private async Task<bool> TryTake(string scope, string hash)
    {
        await using var cmd = db.CreateCommand(
            $"insert into {_table} (scope, request_hash, created_at) values ($1, $2, $3) on conflict (scope) do nothing");
        cmd.Parameters.AddWithValue(scope);
        cmd.Parameters.AddWithValue(hash);
        cmd.Parameters.AddWithValue(clock.GetUtcNow());
        return await cmd.ExecuteNonQueryAsync() == 1;
    }

    private async Task Keep(string scope, HttpResponse response, byte[] body)
    {
        await using var cmd = db.CreateCommand($"update {_table} set status_code = $2, content_type = $3, body = $4 where scope = $1");
        cmd.Parameters.AddWithValue(scope);
        cmd.Parameters.AddWithValue(response.StatusCode);
        cmd.Parameters.AddWithValue((object?)response.ContentType ?? DBNull.Value);
        cmd.Parameters.AddWithValue(body);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task Release(string scope)
    {
        await using var cmd = db.CreateCommand($"delete from {_table} where scope = $1 and status_code is null");
        cmd.Parameters.AddWithValue(scope);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task Replay(HttpContext http, string scope, string hash)
    {
        await using var cmd = db.CreateCommand($"select request_hash, status_code, content_type, body from {_table} where scope = $1");
        cmd.Parameters.AddWithValue(scope);
        await using var reader = await cmd.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            // Released between our insert attempt and this read: the first attempt failed; ask for a retry.
            await Conflict(http, "The first request with this Idempotency-Key has just failed; send it again.");
            return;
        }

        if (reader.GetString(0) != hash)
        {
            await Conflict(http, "This Idempotency-Key was already used with a different request.");
            return;
        }

        if (reader.IsDBNull(1))
        {
            await Conflict(http, "A request with this Idempotency-Key is still being processed.");
            return;
        }

        http.Response.StatusCode = reader.GetInt32(1);
        if (!reader.IsDBNull(2)) http.Response.ContentType = reader.GetString(2);
        http.Response.Headers["Idempotent-Replayed"] = "true";
        var body = reader.IsDBNull(3) ? [] : (byte[])reader[3];
        await http.Response.Body.WriteAsync(body);
    }

    private static Task Conflict(HttpContext http, string detail) =>
        Results.Problem(title: "Idempotency-Key conflict", detail: detail, statusCode: StatusCodes.Status409Conflict).ExecuteAsync(http);
}
