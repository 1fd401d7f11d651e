using System.Diagnostics;
using Hotline.Ledger.Cases;
using JasperFx.Events.Daemon;
using Marten.Events;
using Marten.Events.Aggregation;
using Hotline.Ledger.Storage;
using Weasel.Core;

namespace Hotline.Ledger.Rebuild;

/// <summary>What a rebuild did: per read model, the events folded and the rows written.</summary>
public sealed record RebuildStep(string ReadModel, string How, long Events, long Rows);

public sealed record RebuildReport(IReadOnlyList<RebuildStep> Steps, long EventsRead, TimeSpan Elapsed)
{
    /// <summary>Where the time went, phase by phase (<see cref="RebuildPhase"/>).</summary>
    public IReadOnlyList<RebuildPhase> Phases { get; init; } = [];
}

/// <summary>
/// Rebuilds every read model from the events alone, fast (ADR 0041): ONE pass over the event log in
/// sequence order feeds every read model at once. The single-stream snapshots are folded by each
/// projection's own code (<c>DetermineActionAsync</c>, the path the inline projection takes); the case
/// files and rate counters — the <see cref="CaseFileProjection"/> — by its derivation with every open file
/// held in memory (<see cref="CaseRebuild"/>). A stream is
/// complete when its last event has been folded; complete rows go to a writer that runs beside the reader
/// and writes with binary COPY into tables emptied first and stripped of their secondary indexes (built
/// again at the end, one sort each). Any other kind of projection is rebuilt by Marten's async daemon.
/// Like the daemon's rebuild, this is an offline operation. It rebuilds exactly the projections Marten's
/// <c>projections rebuild</c> does, to the same rows, several times faster (ADR 0041, ADR 0160).
/// </summary>
public static class BulkRebuild
{
    public static Task<RebuildReport> RebuildAll(IDocumentStore store, CancellationToken ct = default) => RebuildAll(store, RebuildSettings.Fastest, ct);

    /// <summary>Rebuilds every read model with some of the rebuild's ways turned off: how each way's effect is measured (ADR 0207).</summary>
    public static async Task<RebuildReport> RebuildAll(IDocumentStore store, RebuildSettings settings, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var trace = new RebuildTrace();
        var (folds, others) = Folds(store, settings, trace, ct);
        var eventsRead = await FoldAll(store, folds, [], trace, settings, ct);
        var steps = folds.Select(f => new RebuildStep(f.Name, "one pass, COPY", f.Events, f.Rows)).ToList();

        foreach (var name in others)
        {
            var started = Stopwatch.GetTimestamp();
            using var daemon = await store.BuildProjectionDaemonAsync();
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromHours(2), ct);
            steps.Add(new RebuildStep(name, "async daemon", -1, -1));
            trace.Since($"daemon {name}", started);
        }

        return new RebuildReport(steps, eventsRead, watch.Elapsed) { Phases = trace.Phases };
    }

    /// <summary>
    /// Rebuilds the one-pass read models of <paramref name="store"/> and answers the tables written. The
    /// integrity check points a store with its own (scratch) document schema at the ledger's events.
    /// </summary>
    public static async Task<IReadOnlyList<DbObjectName>> RebuildTables(IDocumentStore store, CancellationToken ct = default)
    {
        var trace = new RebuildTrace();
        var (folds, others) = Folds(store, RebuildSettings.Fastest, trace, ct);
        if (others.Count > 0) throw new InvalidOperationException($"Read models outside the one pass: {string.Join(", ", others)}.");
        var tables = new List<DbObjectName>();
        await FoldAll(store, folds, tables, trace, RebuildSettings.Fastest, ct);
        return tables;
    }

    private static (List<IRebuildFold> Folds, List<string> Others) Folds(IDocumentStore store, RebuildSettings settings, RebuildTrace trace, CancellationToken ct)
    {
        var folds = new List<IRebuildFold>();
        var others = new List<string>();
        foreach (var projection in ((StoreOptions)store.Options).Projections.All)
        {
            var type = projection.GetType();
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(SingleStreamProjection<,>) && type.GetGenericArguments()[1] == typeof(Guid))
                folds.Add((IRebuildFold)Activator.CreateInstance(typeof(SnapshotFold<>).MakeGenericType(type.GetGenericArguments()[0]), projection, store)!);
            // The case projection's fast path: the same derivation, every open file in memory, written with COPY.
            else if (projection.Name == CaseFileProjection.ProjectionName)
                folds.Add(new CaseRebuild(store, settings, trace, ct));
            else
                others.Add(projection.Name);
        }

        return (folds, others);
    }

    private static async Task<long> FoldAll(IDocumentStore store, List<IRebuildFold> folds, List<DbObjectName> tables, RebuildTrace trace,
        RebuildSettings settings, CancellationToken ct)
    {
        // A stream is complete once its last event is folded; its version is the stream's own (a stream holding an
        // event no fold reads after its last folded one is simply completed at the end).
        var lasts = await trace.Time("stream versions", () => StreamVersions(store, ct));

        await trace.Time("empty", async () =>
        {
            foreach (var fold in folds) tables.AddRange(await fold.Empty(ct));
            return tables;
        });
        var indexes = await trace.Time("drop indexes", () => SecondaryIndexes.Drop(store, tables, ct));

        var writers = new RebuildWriters(trace, settings.WriterPerTable, ct);
        var raw = settings.RawRead ? folds.Where(f => f.DataOnly).ToList() : [];
        var queried = folds.Except(raw).ToList();
        long read;
        try
        {
            // The two reads feed different read models: they run side by side.
            var counts = await Task.WhenAll(ReadQueried(store, queried, lasts, writers, trace, ct), ReadRaw(store, raw, lasts, writers, trace, settings, ct));
            read = counts.Sum();
        }
        finally
        {
            await trace.Time("writers' tail", async () => { await writers.Complete(); return 0; });
        }

        await trace.Time("create indexes", async () => { await SecondaryIndexes.Create(store, indexes, ct); return 0; });
        return read;
    }

    /// <summary>The folds' events through Marten's own query, every field of <see cref="IEvent"/> set as a projection sees it.</summary>
    private static async Task<long> ReadQueried(IDocumentStore store, List<IRebuildFold> folds, Dictionary<Guid, long> lasts, RebuildWriters writers,
        RebuildTrace trace, CancellationToken ct)
    {
        if (folds.Count == 0) return 0;
        var byType = ByType(folds);
        var types = byType.Keys.ToArray();
        await using var session = store.QuerySession(RebuildSessions.Unhurried());
        long read = 0, reading = 0;
        var folding = folds.ToDictionary(f => f, _ => 0L);
        var all = session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(types)).OrderBy(e => e.Sequence).ToAsyncEnumerable(ct);
        await using (var events = all.GetAsyncEnumerator(ct))
        {
            while (true)
            {
                var started = trace.Now;
                if (!await events.MoveNextAsync()) break;
                reading += trace.Now - started;
                read++;
                await Fold(session, events.Current, byType, lasts, writers, trace, folding, ct);
            }
        }

        trace.Add("read events (Marten's query)", reading, read);
        await FinishAll(session, folds, writers, trace, folding, ct);
        return read;
    }

    /// <summary>The folds' events straight from the log, deserialized in parallel pages (<see cref="RawEventLog"/>).</summary>
    private static async Task<long> ReadRaw(IDocumentStore store, List<IRebuildFold> folds, Dictionary<Guid, long> lasts, RebuildWriters writers,
        RebuildTrace trace, RebuildSettings settings, CancellationToken ct)
    {
        if (folds.Count == 0) return 0;
        var byType = ByType(folds);
        await using var session = store.QuerySession(RebuildSessions.Unhurried());
        long read = 0, waiting = 0;
        var folding = folds.ToDictionary(f => f, _ => 0L);
        await using (var pages = RawEventLog.Read(store, byType.Keys.ToList(), trace, ct, settings.GeneratedJson ? CaseJson.For : null).GetAsyncEnumerator(ct))
        {
            while (true)
            {
                var started = trace.Now;
                if (!await pages.MoveNextAsync()) break;
                waiting += trace.Now - started;
                foreach (var e in pages.Current) await Fold(session, e, byType, lasts, writers, trace, folding, ct);
                read += pages.Current.Length;
            }
        }

        trace.Add("fold waits for a page", waiting, read);
        await FinishAll(session, folds, writers, trace, folding, ct);
        return read;
    }

    private static async ValueTask Fold(IQuerySession session, IEvent e, Dictionary<Type, List<IRebuildFold>> byType, Dictionary<Guid, long> lasts,
        RebuildWriters writers, RebuildTrace trace, Dictionary<IRebuildFold, long> folding, CancellationToken ct)
    {
        var complete = lasts.TryGetValue(e.StreamId, out var last) && e.Version >= last;
        foreach (var fold in byType[e.EventType])
        {
            var started = trace.Now;
            var ready = await fold.Add(session, e, complete, ct);
            folding[fold] += trace.Now - started;
            foreach (var write in ready) await writers.Write(write);
        }
    }

    private static async Task FinishAll(IQuerySession session, List<IRebuildFold> folds, RebuildWriters writers, RebuildTrace trace,
        Dictionary<IRebuildFold, long> folding, CancellationToken ct)
    {
        foreach (var fold in folds)
        {
            var started = trace.Now;
            var ready = await fold.Finish(session, ct);
            folding[fold] += trace.Now - started;
            foreach (var write in ready) await writers.Write(write);
            trace.Add($"fold {fold.Name}", folding[fold], fold.Events);
        }
    }

    private static Dictionary<Type, List<IRebuildFold>> ByType(List<IRebuildFold> folds)
    {
        var byType = new Dictionary<Type, List<IRebuildFold>>();
        foreach (var fold in folds)
        foreach (var type in fold.EventTypes)
        {
            if (!byType.TryGetValue(type, out var list)) byType[type] = list = [];
            list.Add(fold);
        }

        return byType;
    }

    private static async Task<Dictionary<Guid, long>> StreamVersions(IDocumentStore store, CancellationToken ct)
    {
        var versions = new Dictionary<Guid, long>();
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"select id, version from {store.Options.Events.DatabaseSchemaName}.mt_streams where version is not null";
        cmd.CommandTimeout = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) versions[reader.GetGuid(0)] = reader.GetInt64(1);
        return versions;
    }

    /// <summary>A single-stream snapshot: the stream's events, held until its last one is in, then folded from nothing.</summary>
    private sealed class SnapshotFold<TDoc>(SingleStreamProjection<TDoc, Guid> projection, IDocumentStore store) : IRebuildFold where TDoc : class
    {
        private static readonly JasperFx.Events.Aggregation.NulloIdentitySetter<TDoc, Guid> NoIdentity = new();
        private readonly Dictionary<Guid, List<IEvent>> _inFlight = [];
        private List<object> _batch = new(IRebuildFold.BatchSize);

        public string Name => projection.Name;
        public IReadOnlyList<Type> EventTypes { get; } = projection.IncludedEventTypes.ToList();

        // A projection may read any of the event's metadata.
        public bool DataOnly => false;
        public long Events { get; private set; }
        public long Rows { get; private set; }

        public async Task<IReadOnlyList<DbObjectName>> Empty(CancellationToken ct)
        {
            // Through a session, so that the rows go from the database of the city in scope (Marten's own cleaner
            // walks the registered tenants' databases, which leave out the default city's).
            await using (var emptying = store.LightweightSession(RebuildSessions.Unhurried()))
            {
                emptying.DeleteWhere<TDoc>(_ => true);
                await emptying.SaveChangesAsync(ct);
            }
            return [store.Options.AllKnownDocumentTypes().First(d => d.DocumentType == typeof(TDoc)).TableName];
        }

        public async ValueTask<IReadOnlyList<RebuildWrite>> Add(IQuerySession session, IEvent e, bool complete, CancellationToken ct)
        {
            Events++;
            if (!_inFlight.TryGetValue(e.StreamId, out var slice)) _inFlight[e.StreamId] = slice = [];
            slice.Add(e);
            if (!complete) return [];

            _inFlight.Remove(e.StreamId);
            await Fold(session, e.StreamId, slice, ct);
            return _batch.Count >= IRebuildFold.BatchSize ? [Write()] : [];
        }

        public async ValueTask<IReadOnlyList<RebuildWrite>> Finish(IQuerySession session, CancellationToken ct)
        {
            foreach (var (stream, slice) in _inFlight) await Fold(session, stream, slice, ct);
            _inFlight.Clear();
            return _batch.Count > 0 ? [Write()] : [];
        }

        private async Task Fold(IQuerySession session, Guid stream, List<IEvent> slice, CancellationToken ct)
        {
            // From nothing, the projection decides what the inline projection would have stored for these events.
            var (doc, action) = await projection.DetermineActionAsync(session, null!, stream, NoIdentity, slice, ct);
            if (action != ActionType.Store || doc is null) return;
            _batch.Add(doc);
            Rows++;
        }

        private RebuildWrite Write()
        {
            var docs = _batch;
            _batch = new List<object>(IRebuildFold.BatchSize);
            return new RebuildWrite(projection.Name, () => store.BulkInsertDocumentsAsync(docs, BulkInsertMode.InsertsOnly, IRebuildFold.BatchSize));
        }
    }

}
