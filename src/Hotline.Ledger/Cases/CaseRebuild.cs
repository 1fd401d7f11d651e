using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Storage;
using Weasel.Core;

namespace Hotline.Ledger.Cases;

/// <summary>
/// The fast path of the case projection's rebuild (<see cref="CaseFileProjection"/>), within
/// the one-pass rebuild (<c>BulkRebuild</c>, ADR 0041): the same derivation (<see cref="CaseWrites"/>), with
/// every open file held in memory instead of read back page by page, and files and counter rows written
/// with binary COPY — the files serialized on the thread pool and copied by our own COPY, files and counter rows each over
/// as many connections as the settings' lanes (ADR 0191). A case file is complete — <see cref="CaseFile.Refresh"/>ed and written — with its
/// stream's last event, once the write that touched it has added its counters.
/// </summary>
internal sealed class CaseRebuild(IDocumentStore store, RebuildSettings settings, RebuildTrace trace, CancellationToken ct) : IRebuildFold
{
    private readonly Dictionary<Guid, CaseFile> _open = [];
    private readonly HashSet<Guid> _completed = [];
    private readonly CaseWrites _writes = new(replayEachWrite: !settings.RunningFold);
    private readonly List<Guid> _ended = [];
    private readonly List<RebuildWrite> _ready = [];
    private List<CaseFile> _files = new(IRebuildFold.BatchSize);
    private int _fileBatches, _rowBatches;

    public string Name => CaseFileProjection.ProjectionName + " + rate counters";

    public IReadOnlyList<Type> EventTypes => CaseWrites.EventTypes;

    // The derivation reads the data, the stream and the recorded instant of each event (CaseWrites.Apply).
    public bool DataOnly => true;

    public long Events { get; private set; }
    public long Rows { get; private set; }

    public async Task<IReadOnlyList<DbObjectName>> Empty(CancellationToken ct)
    {
        // Through a session, so that the rows go from the database of the city in scope (Marten's own cleaner
        // walks the registered tenants' databases, which leave out the default city's).
        await using (var emptying = store.LightweightSession(RebuildSessions.Unhurried()))
        {
            emptying.DeleteWhere<CaseFile>(_ => true);
            await emptying.SaveChangesAsync(ct);
        }
        var schema = store.Options.DatabaseSchemaName;
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var truncate = conn.CreateCommand();
        // The checkpoints are taken of the counter rows alone: they come back on demand (ADR 0045).
        truncate.CommandText = $"truncate {schema}.{CaseCounters.TableName}, {schema}.{CounterCheckpoints.TableName}";
        await truncate.ExecuteNonQueryAsync(ct);
        return [store.Options.AllKnownDocumentTypes().First(d => d.DocumentType == typeof(CaseFile)).TableName, CaseCounters.Table(schema).Identifier];
    }

    public ValueTask<IReadOnlyList<RebuildWrite>> Add(IQuerySession session, IEvent e, bool complete, CancellationToken ct)
    {
        Events++;
        // Most events end no write and complete no file: the two lists are reused rather than made for each event.
        _ended.Clear();
        _ready.Clear();
        if (!_open.TryGetValue(e.StreamId, out var file))
            _open[e.StreamId] = file = new CaseFile { Id = e.StreamId, CaseNumber = CaseNumberOf(e.Data) };
        _writes.Apply(file, e, _ended);
        Ended(_ended, _ready);

        if (complete) _completed.Add(e.StreamId);
        // A file the open write touched is finished with the write, once its counters are in.
        if (complete && !_writes.IsOpen(e.StreamId)) Finish(e.StreamId, _ready);
        return ValueTask.FromResult<IReadOnlyList<RebuildWrite>>(_ready.Count == 0 ? [] : _ready.ToArray());
    }

    public ValueTask<IReadOnlyList<RebuildWrite>> Finish(IQuerySession session, CancellationToken ct)
    {
        var writes = new List<RebuildWrite>();
        var ended = new List<Guid>();
        _writes.EndWrite(ended);
        Ended(ended, writes);
        foreach (var id in _open.Keys.ToList()) Finish(id, writes);
        if (_files.Count > 0) writes.Add(WriteFiles());
        if (_writes.Rows.Count > 0) writes.Add(WriteRows());
        return ValueTask.FromResult<IReadOnlyList<RebuildWrite>>(writes);
    }

    internal static string CaseNumberOf(object data) => data switch
    {
        ICaseEvent c => c.CaseNumber,
        ReplyDeadlineMissed m => m.CaseNumber,
        _ => throw new ArgumentOutOfRangeException(nameof(data), data.GetType().Name, "not a case event"),
    };

    /// <summary>A write ended: its counter rows are in, and the files it touched whose streams are complete are finished.</summary>
    private void Ended(List<Guid> touched, List<RebuildWrite> writes)
    {
        if (touched.Count == 0) return;
        foreach (var id in touched.Where(_completed.Contains)) Finish(id, writes);
        if (_writes.Rows.Count >= IRebuildFold.BatchSize) writes.Add(WriteRows());
    }

    private void Finish(Guid id, List<RebuildWrite> writes)
    {
        if (!_open.Remove(id, out var file)) return;
        _completed.Remove(id);
        file.Refresh(_writes.Forget(file));
        _files.Add(file);
        Rows++;
        if (_files.Count >= IRebuildFold.BatchSize) writes.Add(WriteFiles());
    }

    private RebuildWrite WriteFiles()
    {
        var files = _files;
        _files = new List<CaseFile>(IRebuildFold.BatchSize);
        var lane = _fileBatches++ % settings.Lanes;
        if (!settings.OwnCopy)
            return new RebuildWrite(CaseFileProjection.ProjectionName, () => store.BulkInsertDocumentsAsync(files, BulkInsertMode.InsertsOnly, IRebuildFold.BatchSize), lane);
        // Serialization starts now, on the thread pool, while the fold goes on.
        var copy = new CaseFileCopy(store, files, settings.GeneratedJson, trace, ct);
        return new RebuildWrite(CaseFileProjection.ProjectionName, () => copy.Copy(ct), lane);
    }

    private RebuildWrite WriteRows()
    {
        var rows = _writes.Rows.ToList();
        Rows += rows.Count;
        _writes.Rows.Clear();
        return new RebuildWrite(CaseCounters.TableName, async () =>
        {
            await using var conn = store.Storage.Database.CreateConnection();
            await conn.OpenAsync();
            await CaseCounters.Copy(conn, store.Options.DatabaseSchemaName, rows);
        }, _rowBatches++ % settings.Lanes);
    }
}
