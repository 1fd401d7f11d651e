using System.Text;
using Hotline.Ledger.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Hotline.Ledger.Cases;

/// <summary>
/// A batch of finished case files on their way into the rebuilt table (ADR 0191). Each file is serialized to UTF-8 JSON
/// (through its compile-time contract, ADR 0205) on the thread pool as soon as the batch is full, beside the fold; the writer then only
/// streams bytes through a binary COPY of its own — the JSON as <c>jsonb</c> and the columns Marten keeps beside it —
/// instead of Marten's bulk insert, which serializes every file on the writer's own thread. The files are finished:
/// nothing changes them after they are handed over.
/// </summary>
internal sealed class CaseFileCopy
{
    private readonly IDocumentStore _store;
    private readonly Task<Row[]> _rows;

    private sealed record Row(Guid Id, byte[] Json, Guid? UnitId, DateTimeOffset? ReplyDueAt, DateTimeOffset? ReplyCheckAt);

    public CaseFileCopy(IDocumentStore store, List<CaseFile> files, bool generatedJson, RebuildTrace trace, CancellationToken ct)
    {
        _store = store;
        var serializer = store.Options.Serializer();
        // The store's serializer answers a UTF-16 string, encoded again; the compile-time contract writes UTF-8 at once (ADR 0205).
        Func<CaseFile, byte[]> json = generatedJson ? CaseJson.Write : f => Encoding.UTF8.GetBytes(serializer.ToJson(f));
        _rows = Task.Run(() =>
        {
            var started = trace.Now;
            var rows = new Row[files.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                var f = files[i];
                rows[i] = new Row(f.Id, json(f), f.UnitId, f.ReplyDueAt, f.ReplyCheckAt);
            }

            trace.Since("serialize case files (thread pool)", started, rows.Length);
            return rows;
        }, ct);
    }

    public async Task Copy(CancellationToken ct)
    {
        var rows = await _rows;
        var table = _store.Options.AllKnownDocumentTypes().First(d => d.DocumentType == typeof(CaseFile)).TableName.QualifiedName;
        await using var conn = _store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        // The duplicated fields are CaseStorage's; mt_last_modified keeps its default, the store's own instant.
        await using var copy = await conn.BeginBinaryImportAsync(
            $"copy {table} (id, data, mt_version, mt_dotnet_type, unit_id, reply_due_at, reply_check_at) from stdin (format binary)", ct);
        var type = typeof(CaseFile).FullName!;
        foreach (var row in rows)
        {
            copy.StartRow();
            copy.Write(row.Id, NpgsqlDbType.Uuid);
            copy.Write(row.Json, NpgsqlDbType.Jsonb);
            // Any new version will do: the feed and the judge compare it, never order by it.
            copy.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            copy.Write(type, NpgsqlDbType.Varchar);
            Nullable(copy, row.UnitId, NpgsqlDbType.Uuid);
            Nullable(copy, row.ReplyDueAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            Nullable(copy, row.ReplyCheckAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        }

        await copy.CompleteAsync(ct);
    }

    private static void Nullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v) copy.Write(v, type);
        else copy.WriteNull();
    }
}
