using Marten;
using JasperFx;
using NpgsqlTypes;

namespace Hotline.Ledger.Cases.Feed;

/// <summary>
/// The case files one feed batch touches, read and written in one statement each (ADR 0044) instead of one
/// command per file: Marten's per-document upsert costs more CPU than the file itself. The optimistic
/// concurrency of ADR 0020 is kept exactly: a file is updated only where its version is still the one read,
/// a new file is inserted only where none exists, and anything else is a <see cref="ConcurrencyException"/>
/// that rolls the batch back for the feed to do again. The rows are the ones Marten writes (same columns,
/// same JSON), so every other reader and writer of case files (the deadline judge, the case endpoint, the
/// rebuild) sees no difference.
/// </summary>
internal sealed class CaseFileBatch
{
    private readonly Dictionary<Guid, Guid> _versions = [];
    private readonly List<CaseFile> _files = [];

    public IReadOnlyDictionary<Guid, CaseFile> Loaded { get; private set; } = new Dictionary<Guid, CaseFile>();

    /// <summary>Reads the existing files among <paramref name="ids"/> inside the session's transaction, remembering each version.</summary>
    public async Task Load(IDocumentSession session, Guid[] ids, CancellationToken ct)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        await using var cmd = session.Connection!.CreateCommand();
        cmd.CommandText = $"select id, data, mt_version from {Table(session)} where id = any(@ids)";
        cmd.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, ids);
        var loaded = new Dictionary<Guid, CaseFile>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            await using var json = await reader.GetStreamAsync(1, ct);
            loaded[id] = serializer.FromJson<CaseFile>(json);
            _versions[id] = reader.GetGuid(2);
        }

        Loaded = loaded;
    }

    /// <summary>Queues a file to write: an update of the version read, or an insert when none was read.</summary>
    public void Write(CaseFile file) => _files.Add(file);

    /// <summary>Writes every queued file in one statement; throws a <see cref="ConcurrencyException"/> if another writer came first.</summary>
    public async Task Save(IDocumentSession session, CancellationToken ct)
    {
        if (_files.Count == 0) return;
        var serializer = session.DocumentStore.Options.Serializer();
        var table = Table(session);
        await using var cmd = session.Connection!.CreateCommand();
        cmd.CommandText = $"""
            with input as (
                select * from unnest(@ids, @expected, @versions, @data, @units, @dues, @checks)
                    as t(id, expected, version, data, unit_id, reply_due_at, reply_check_at)),
            updated as (
                update {table} d set data = i.data, mt_version = i.version, mt_last_modified = transaction_timestamp(),
                    mt_dotnet_type = @type, unit_id = i.unit_id, reply_due_at = i.reply_due_at, reply_check_at = i.reply_check_at
                from input i where i.expected is not null and d.id = i.id and d.mt_version = i.expected
                returning 1),
            inserted as (
                insert into {table} (id, data, mt_version, mt_last_modified, mt_dotnet_type, unit_id, reply_due_at, reply_check_at)
                select id, data, version, transaction_timestamp(), @type, unit_id, reply_due_at, reply_check_at from input where expected is null
                on conflict (id) do nothing
                returning 1)
            select (select count(*) from updated) + (select count(*) from inserted)
            """;
        cmd.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, _files.Select(f => f.Id).ToArray());
        cmd.Parameters.AddWithValue("expected", NpgsqlDbType.Array | NpgsqlDbType.Uuid,
            _files.Select(f => _versions.TryGetValue(f.Id, out var v) ? (object)v : DBNull.Value).ToArray());
        cmd.Parameters.AddWithValue("versions", NpgsqlDbType.Array | NpgsqlDbType.Uuid, _files.Select(_ => Guid.CreateVersion7()).ToArray());
        cmd.Parameters.AddWithValue("data", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, _files.Select(f => serializer.ToJson(f)).ToArray());
        cmd.Parameters.AddWithValue("units", NpgsqlDbType.Array | NpgsqlDbType.Uuid, _files.Select(f => f.UnitId is { } u ? (object)u : DBNull.Value).ToArray());
        cmd.Parameters.AddWithValue("dues", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, _files.Select(f => Instant(f.ReplyDueAt)).ToArray());
        cmd.Parameters.AddWithValue("checks", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, _files.Select(f => Instant(f.ReplyCheckAt)).ToArray());
        cmd.Parameters.AddWithValue("type", NpgsqlDbType.Varchar, typeof(CaseFile).FullName!);

        var written = (long)(await cmd.ExecuteScalarAsync(ct))!;
        if (written != _files.Count)
            throw new ConcurrencyException($"{_files.Count - written} of {_files.Count} case files were written by another writer since they were read.", null!);
    }

    private static object Instant(DateTimeOffset? at) => at is { } value ? value.ToUniversalTime() : DBNull.Value;

    private static string Table(IDocumentSession session) => session.DocumentStore.Options.Schema.For<CaseFile>();
}
