using JasperFx;
using NpgsqlTypes;

namespace Hotline.Ledger.Cases.Feed;

/// <summary>
/// The case files one feed batch touches, read and written in one statement each (ADR 0044) instead of one
/// command per file: Marten's per-document upsert costs more CPU than the file itself. The optimistic
/// concurrency of ADR 0020 is kept exactly: a file is updated only where its version is still the one read,
/// a new file is inserted only where none exists, and anything else fails on the primary key and rolls the
/// batch back for the feed to do again. The rows are the ones Marten writes (same columns, same JSON), so
/// every other reader and writer of case files (the deadline judge, the case endpoint, the rebuild) sees no
/// difference.
/// </summary>
internal sealed class CaseFileBatch
{
    private readonly Dictionary<Guid, Guid> _versions = [];
    private readonly List<CaseFile> _files = [];

    public IReadOnlyDictionary<Guid, CaseFile> Loaded { get; private set; } = new Dictionary<Guid, CaseFile>();

    /// <summary>
    /// Reads and locks the existing files among <paramref name="ids"/> inside the session's transaction, remembering
    /// each version. Locked in id order, as the deadline judge locks them (ADR 0048): a batch and a judgement on the
    /// same case wait for each other instead of one failing at commit and being done again. A file still at the
    /// version this process last wrote comes without its JSON and is copied from <see cref="CaseFileMemory"/>.
    /// </summary>
    public async Task Load(IDocumentSession session, Guid[] ids, CancellationToken ct)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var table = Table(session);
        var known = ids.Select(id => CaseFileMemory.VersionOf(table, session.TenantId, id)).ToArray();
        var loaded = new Dictionary<Guid, CaseFile>();
        var missing = new List<Guid>();
        var hits = 0;
        await using (var cmd = session.Connection!.CreateCommand())
        {
            cmd.CommandText =
                $"""
                 select d.id, d.mt_version, case when d.mt_version = k.version then null else d.data end
                 from unnest(@ids, @known) as k(id, version) join {table} d on d.id = k.id
                 order by d.id for update of d
                 """;
            cmd.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, ids);
            cmd.Parameters.AddWithValue("known", NpgsqlDbType.Array | NpgsqlDbType.Uuid, known);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetGuid(0);
                var version = reader.GetGuid(1);
                _versions[id] = version;
                if (!await reader.IsDBNullAsync(2, ct))
                {
                    await using var json = await reader.GetStreamAsync(2, ct);
                    loaded[id] = serializer.FromJson<CaseFile>(json);
                }
                else if (CaseFileMemory.CopyOf(table, session.TenantId, id, version) is { } file)
                {
                    loaded[id] = file;
                    hits++;
                }
                else missing.Add(id);
            }
        }

        CaseFileMemory.Tally(table, hits, _versions.Count - hits);

        // Forgotten between the question and the answer (the memory was emptied): read as before; the row is locked already.
        if (missing.Count > 0)
        {
            await using var cmd = session.Connection!.CreateCommand();
            cmd.CommandText = $"select id, data from {table} where id = any(@ids)";
            cmd.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, missing.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                await using var json = await reader.GetStreamAsync(1, ct);
                loaded[reader.GetGuid(0)] = serializer.FromJson<CaseFile>(json);
            }
        }

        Loaded = loaded;
    }

    /// <summary>Queues a file to write: an update of the version read, or an insert when none was read.</summary>
    public void Write(CaseFile file) => _files.Add(file);

    /// <summary>
    /// Queues every file in ONE statement of the session's batch, so that it commits — or is done again by Marten
    /// after a transient failure — together with the events. A file still at the version read is updated; any
    /// other (a new one, or one another writer changed) is inserted, which fails on the primary key when a file
    /// is there: a unique violation, a conflict the feed answers by doing the batch again.
    /// </summary>
    public void Queue(IDocumentSession session)
    {
        if (_files.Count == 0) return;
        var serializer = session.DocumentStore.Options.Serializer();
        var table = Table(session);
        var versions = _files.Select(_ => Guid.CreateVersion7()).ToArray();
        var bodies = _files.Select(f => serializer.ToJson(f)).ToArray();
        // Remembered before the commit: a version that never commits is never matched by a stored row.
        for (var i = 0; i < _files.Count; i++) CaseFileMemory.Keep(table, session.TenantId, versions[i], _files[i]);
        session.QueueSqlCommand(
            $"""
             with input as (
                 select * from unnest(?, ?, ?, ?, ?, ?, ?) as t(id, expected, version, data, unit_id, reply_due_at, reply_check_at)),
             updated as (
                 update {table} d set data = i.data::jsonb, mt_version = i.version, mt_last_modified = transaction_timestamp(),
                     mt_dotnet_type = ?, unit_id = i.unit_id, reply_due_at = i.reply_due_at, reply_check_at = i.reply_check_at
                 from input i where i.expected is not null and d.id = i.id and d.mt_version = i.expected
                 returning d.id)
             insert into {table} (id, data, mt_version, mt_last_modified, mt_dotnet_type, unit_id, reply_due_at, reply_check_at)
             select i.id, i.data::jsonb, i.version, transaction_timestamp(), ?, i.unit_id, i.reply_due_at, i.reply_check_at
             from input i where i.id not in (select id from updated)
             """,
            _files.Select(f => f.Id).ToArray(),
            _files.Select(f => _versions.TryGetValue(f.Id, out var v) ? v : (Guid?)null).ToArray(),
            versions,
            bodies,
            _files.Select(f => f.UnitId).ToArray(),
            _files.Select(f => f.ReplyDueAt?.ToUniversalTime()).ToArray(),
            _files.Select(f => f.ReplyCheckAt?.ToUniversalTime()).ToArray(),
            typeof(CaseFile).FullName!, typeof(CaseFile).FullName!);
    }

    /// <summary>
    /// Queues files to write whatever version is stored, in ONE statement: how the case projection puts back what
    /// its events give when Marten's daemon runs it (a rebuild, or a catch-up that finds the files already written).
    /// </summary>
    public static void Upsert(IDocumentOperations operations, IReadOnlyList<CaseFile> files)
    {
        if (files.Count == 0) return;
        var serializer = operations.DocumentStore.Options.Serializer();
        var table = operations.DocumentStore.Options.Schema.For<CaseFile>();
        operations.QueueSqlCommand(
            $"""
             insert into {table} (id, data, mt_version, mt_last_modified, mt_dotnet_type, unit_id, reply_due_at, reply_check_at)
             select i.id, i.data::jsonb, i.version, transaction_timestamp(), ?, i.unit_id, i.reply_due_at, i.reply_check_at
             from unnest(?, ?, ?, ?, ?, ?) as i(id, version, data, unit_id, reply_due_at, reply_check_at)
             on conflict (id) do update set data = excluded.data, mt_version = excluded.mt_version, mt_last_modified = excluded.mt_last_modified,
                 mt_dotnet_type = excluded.mt_dotnet_type, unit_id = excluded.unit_id, reply_due_at = excluded.reply_due_at,
                 reply_check_at = excluded.reply_check_at
             """,
            typeof(CaseFile).FullName!,
            files.Select(f => f.Id).ToArray(),
            files.Select(_ => Guid.CreateVersion7()).ToArray(),
            files.Select(f => serializer.ToJson(f)).ToArray(),
            files.Select(f => f.UnitId).ToArray(),
            files.Select(f => f.ReplyDueAt?.ToUniversalTime()).ToArray(),
            files.Select(f => f.ReplyCheckAt?.ToUniversalTime()).ToArray());
    }

    private static string Table(IDocumentSession session) => session.DocumentStore.Options.Schema.For<CaseFile>();
}
