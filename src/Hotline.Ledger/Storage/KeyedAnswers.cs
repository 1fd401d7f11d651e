using Hotline.Ledger.Kernel;
using Npgsql;
using NpgsqlTypes;

namespace Hotline.Ledger.Storage;

/// <summary>A request's Idempotency-Key as the idempotency middleware scoped it (user + key) and the hash of the request.</summary>
public sealed record IdempotencyClaim(string Scope, string RequestHash);

/// <summary>A 2xx answer as it is kept with its key and given again to a repeat.</summary>
public sealed record StoredAnswer(int Status, string? ContentType, string? Location, byte[] Body);

/// <summary>
/// Marks an endpoint whose writes go through the group commit: the idempotency middleware does not run it
/// inside a transaction of its own, but hands it the key (<see cref="IdempotencyClaim"/>), which the group
/// commit takes and answers in the step that writes (docs/adr/0120-group-commit-for-single-entries.md).
/// </summary>
public sealed class KeysTakenInGroupCommit;

/// <summary>
/// The idempotency keys' table as a step of a group commit uses it: the key taken in the step's savepoint,
/// the answer kept in it, so key, write and answer commit together with the batch or not at all (as ADR 0060).
/// </summary>
public sealed class KeyedAnswers(string schema)
{
    public const string TableName = "hl_idempotency";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private readonly string _table = $"\"{schema}\".{TableName}";

    /// <summary>How long a step waits for a key held by another transaction before it stands aside: the batch waits with it.</summary>
    private const string StepLockTimeout = "100ms";

    public enum Taken
    {
        /// <summary>The key is this step's: write, then <see cref="KeepAsync"/>.</summary>
        Now,

        /// <summary>The key has an answer (committed, or kept earlier in this batch) for this very request.</summary>
        Answered,

        /// <summary>The key has an answer for another request.</summary>
        OtherRequest,

        /// <summary>Another transaction holds the key: wait for it outside the batch (<see cref="WaitAsync"/>).</summary>
        Busy,
    }

    public async Task<(Taken Taken, StoredAnswer? Answer)> TakeAsync(GroupStep step, IdempotencyClaim claim, DateTimeOffset now)
    {
        int inserted;
        try
        {
            await using var batch = new NpgsqlBatch(step.Connection, step.Transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand($"select set_config('lock_timeout', '{StepLockTimeout}', true)"),
                    Upsert(claim, now),
                    new NpgsqlBatchCommand("select set_config('lock_timeout', '0', true)"),
                },
            };
            await batch.ExecuteNonQueryAsync();
            inserted = batch.BatchCommands[1].RecordsAffected;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return (Taken.Busy, null);
        }

        if (inserted == 1) return (Taken.Now, null);

        await using var read = new NpgsqlCommand(
            $"select request_hash, status_code, content_type, location, body from {_table} where scope = $1", step.Connection, step.Transaction);
        read.Parameters.AddWithValue(claim.Scope);
        await using var reader = await read.ExecuteReaderAsync();
        if (!await reader.ReadAsync() || reader.IsDBNull(1)) return (Taken.Busy, null);
        if (reader.GetString(0) != claim.RequestHash) return (Taken.OtherRequest, null);
        return (Taken.Answered, new StoredAnswer(reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? [] : (byte[])reader[4]));
    }

    public async Task KeepAsync(GroupStep step, IdempotencyClaim claim, StoredAnswer answer)
    {
        await using var cmd = new NpgsqlCommand(
            $"update {_table} set status_code = $2, content_type = $3, location = $4, body = $5 where scope = $1", step.Connection, step.Transaction);
        cmd.Parameters.AddWithValue(claim.Scope);
        cmd.Parameters.AddWithValue(answer.Status);
        cmd.Parameters.AddWithValue((object?)answer.ContentType ?? DBNull.Value);
        cmd.Parameters.AddWithValue((object?)answer.Location ?? DBNull.Value);
        cmd.Parameters.AddWithValue(answer.Body);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Queues the claims of <paramref name="keyed"/> and then their answers as statements of a shared save (a batch of
    /// single entries, ADR 0187): one insert of every key, one update of every answer, so key, write and answer commit
    /// together, as <see cref="TakeAsync"/> and <see cref="KeepAsync"/> do in a savepoint. The insert takes only keys
    /// nobody has: a key with a row (answered, or held by a transaction in flight, waited for no longer than a step
    /// waits) fails the save, and the batch runs again with each write in its savepoint, where the key is answered
    /// again, or said to be busy, by <see cref="TakeAsync"/>.
    /// </summary>
    public void Queue(IDocumentOperations session, IReadOnlyList<(IdempotencyClaim Claim, StoredAnswer Answer)> keyed, DateTimeOffset now)
    {
        if (keyed.Count == 0) return;
        session.QueueOperation(new BatchStatement($"select set_config('lock_timeout', '{StepLockTimeout}', true)"));
        session.QueueOperation(new BatchWrite(
            $"insert into {_table} (scope, request_hash, created_at) select scope, request_hash, ? from unnest(?, ?) as t(scope, request_hash)",
            (now, NpgsqlDbType.TimestampTz),
            (keyed.Select(k => k.Claim.Scope).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            (keyed.Select(k => k.Claim.RequestHash).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)));
        session.QueueOperation(new BatchStatement("select set_config('lock_timeout', '0', true)"));
        session.QueueOperation(new BatchWrite(
            $"""
             update {_table} k set status_code = t.status_code, content_type = t.content_type, location = t.location, body = t.body
             from unnest(?, ?, ?, ?, ?) as t(scope, status_code, content_type, location, body) where k.scope = t.scope
             """,
            (keyed.Select(k => k.Claim.Scope).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            (keyed.Select(k => k.Answer.Status).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer),
            (keyed.Select(k => k.Answer.ContentType).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            (keyed.Select(k => k.Answer.Location).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            (keyed.Select(k => k.Answer.Body).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bytea)));
    }

    /// <summary>
    /// Waits, outside any batch and up to <paramref name="wait"/>, for the transaction holding the key to end;
    /// false if it still holds it then.
    /// </summary>
    public async Task<bool> WaitAsync(NpgsqlDataSource db, IdempotencyClaim claim, DateTimeOffset now, TimeSpan wait)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { new NpgsqlBatchCommand($"select set_config('lock_timeout', '{(long)wait.TotalMilliseconds}ms', true)"), Upsert(claim, now) },
        };
        try
        {
            await batch.ExecuteNonQueryAsync();
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }
        finally
        {
            await transaction.RollbackAsync();
        }
    }

    /// <summary>The key's row, taken unless it holds an answer (a row left without one is taken over).</summary>
    private NpgsqlBatchCommand Upsert(IdempotencyClaim claim, DateTimeOffset now) => new(
        $"""
         insert into {_table} as k (scope, request_hash, created_at) values ($1, $2, $3)
         on conflict (scope) do update set request_hash = excluded.request_hash, created_at = excluded.created_at
         where k.status_code is null
         """)
    {
        Parameters = { new() { Value = claim.Scope }, new() { Value = claim.RequestHash }, new() { Value = now } },
    };

    /// <summary>409: the key belongs to another request.</summary>
    public static IResult OtherRequest() => Problems.Status(StatusCodes.Status409Conflict, "idempotency.reused");

    /// <summary>409 with Retry-After: the key is still held by a request in flight.</summary>
    public static IResult Busy(TimeSpan wait) => new BusyResult(wait);

    private sealed class BusyResult(TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Status(StatusCodes.Status409Conflict, "idempotency.busy").ExecuteAsync(http);
        }
    }

    /// <summary>Writes a kept (or replayed) answer as the first response wrote it.</summary>
    public static IResult Answer(StoredAnswer answer, bool replayed) => new AnswerResult(answer, replayed);

    private sealed class AnswerResult(StoredAnswer answer, bool replayed) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = answer.Status;
            if (answer.ContentType is not null) http.Response.ContentType = answer.ContentType;
            if (answer.Location is not null) http.Response.Headers.Location = answer.Location;
            if (replayed) http.Response.Headers[ReplayedHeader] = "true";
            await http.Response.Body.WriteAsync(answer.Body);
        }
    }
}
