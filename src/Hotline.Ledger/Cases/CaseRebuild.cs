using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Storage;
using Weasel.Core;

namespace Hotline.Ledger.Cases;

/// <summary>
/// The case files and the rate counters, rebuilt from the case streams within the rebuild's
/// single pass (ADR 0041), by the very code the feed writes them with (ADR 0020, ADR 0021): each event is
/// read back as its fact (<see cref="CaseEvents.FactOf"/>), each D3.1 charge from its
/// <see cref="ReplyDeadlineMissed"/>. Events the feed appended in one write share its recorded instant and
/// follow each other in the log; for each such write, as the feed did, every case it touched adds its
/// timeline after the write minus its timeline before, stamped with that instant. The rows therefore sum,
/// for every (subject, year, day, recorded instant), to exactly what the feed wrote. A case file is
/// complete — <see cref="CaseFile.Refresh"/>ed and written — with its stream's last event.
/// </summary>
internal sealed class CaseRebuild(IDocumentStore store) : IRebuildFold
{
    private readonly Dictionary<Guid, CaseFile> _open = [];
    private readonly Dictionary<Guid, CaseDerivation> _before = [];
    private readonly HashSet<Guid> _completed = [];
    private readonly List<(CounterKey Key, CaseCounts Counts, DateTimeOffset RecordedAt)> _rows = [];
    private List<object> _files = new(IRebuildFold.BatchSize);
    private DateTimeOffset? _write;

    public string Name => "CaseFile + rate counters";

    public IReadOnlyList<Type> EventTypes { get; } =
    [
        typeof(CaseAssigned), typeof(CaseSignedFor), typeof(CaseReturned), typeof(CaseReassigned), typeof(CaseExtensionRequested),
        typeof(CaseExtensionGranted), typeof(CaseReplied), typeof(CaseExplained), typeof(CaseCompleted), typeof(CaseReturnVisited),
        typeof(CaseVotedOnline), typeof(CaseReopened), typeof(ReplyDeadlineMissed),
    ];

    public long Events { get; private set; }
    public long Rows { get; private set; }

    public async Task<IReadOnlyList<DbObjectName>> Empty(CancellationToken ct)
    {
        // Through a session, so that the rows go from the database of the city in scope (Marten's own cleaner
        // walks the registered tenants' databases, which leave out the default city's).
        await using (var emptying = store.LightweightSession())
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

    public ValueTask<IReadOnlyList<Func<Task>>> Add(IQuerySession session, IEvent e, bool complete, CancellationToken ct)
    {
        Events++;
        var writes = new List<Func<Task>>();
        if (e.Data is ReplyDeadlineMissed missed)
        {
            // The deadline judge's write: a charge on the file, no counters (a deadline is a step of the facts' own timeline).
            File(e.StreamId, missed.CaseNumber).Charges.Add(new ReplyCharge(missed.UnitId, missed.DueAt, missed.EntryId));
        }
        else if (CaseEvents.FactOf(e.Data, e.Timestamp) is { } fact)
        {
            if (_write != e.Timestamp) EndWrite(writes);
            _write = e.Timestamp;
            var file = File(e.StreamId, ((ICaseEvent)e.Data).CaseNumber);
            if (!_before.ContainsKey(file.Id)) _before[file.Id] = file.Derive();
            file.Facts.Add(fact);
        }

        if (complete) _completed.Add(e.StreamId);
        // A file the open write touched is finished with the write, once its counters are in.
        if (complete && !_before.ContainsKey(e.StreamId)) Finish(e.StreamId, writes);
        return ValueTask.FromResult<IReadOnlyList<Func<Task>>>(writes);
    }

    public ValueTask<IReadOnlyList<Func<Task>>> Finish(IQuerySession session, CancellationToken ct)
    {
        var writes = new List<Func<Task>>();
        EndWrite(writes);
        foreach (var id in _open.Keys.ToList()) Finish(id, writes);
        if (_files.Count > 0) writes.Add(WriteFiles());
        if (_rows.Count > 0) writes.Add(WriteRows());
        return ValueTask.FromResult<IReadOnlyList<Func<Task>>>(writes);
    }

    private CaseFile File(Guid id, string caseNumber)
    {
        if (!_open.TryGetValue(id, out var file)) _open[id] = file = new CaseFile { Id = id, CaseNumber = caseNumber };
        return file;
    }

    /// <summary>The feed's write is over: what it changed in each case's timeline becomes counter rows stamped with its instant.</summary>
    private void EndWrite(List<Func<Task>> writes)
    {
        if (_write is not { } at || _before.Count == 0) return;
        var changes = new Dictionary<CounterKey, CaseCounts>();
        foreach (var (id, before) in _before) CaseTimeline.AddDifference(changes, before, _open[id].Derive());
        foreach (var (key, counts) in changes) _rows.Add((key, counts, at));
        Rows += changes.Count;

        var touched = _before.Keys.ToList();
        _before.Clear();
        foreach (var id in touched.Where(_completed.Contains)) Finish(id, writes);
        if (_rows.Count >= IRebuildFold.BatchSize) writes.Add(WriteRows());
    }

    private void Finish(Guid id, List<Func<Task>> writes)
    {
        if (!_open.Remove(id, out var file)) return;
        _completed.Remove(id);
        file.Refresh(file.Derive());
        _files.Add(file);
        Rows++;
        if (_files.Count >= IRebuildFold.BatchSize) writes.Add(WriteFiles());
    }

    private Func<Task> WriteFiles()
    {
        var files = _files;
        _files = new List<object>(IRebuildFold.BatchSize);
        return () => store.BulkInsertDocumentsAsync(files, BulkInsertMode.InsertsOnly, IRebuildFold.BatchSize);
    }

    private Func<Task> WriteRows()
    {
        var rows = _rows.ToList();
        _rows.Clear();
        return async () =>
        {
            await using var conn = store.Storage.Database.CreateConnection();
            await conn.OpenAsync();
            await CaseCounters.Copy(conn, store.Options.DatabaseSchemaName, rows);
        };
    }
}
