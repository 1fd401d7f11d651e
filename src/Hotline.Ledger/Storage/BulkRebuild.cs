using System.Diagnostics;
using System.Threading.Channels;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Marten.Events.Aggregation;
using Weasel.Core;

namespace Hotline.Ledger.Storage;

/// <summary>What a rebuild did: per read model, the events folded, the documents written, and how.</summary>
public sealed record RebuildStep(string ReadModel, string How, long Events, long Documents);

public sealed record RebuildReport(IReadOnlyList<RebuildStep> Steps, long EventsRead, TimeSpan Elapsed);

/// <summary>
/// Rebuilds every read model from the events alone, fast (ADR 0041). The single-stream snapshots — every
/// read model of the ledger so far — are rebuilt together in ONE pass over the event log in sequence
/// order: each stream's events are folded by the projection's own code (<c>DetermineActionAsync</c>, the
/// very path the inline projection takes), a document is complete when its stream's last relevant event
/// has been folded, and complete documents are written with binary COPY by a writer that runs beside the
/// reader. Any other kind of projection is rebuilt by Marten's async daemon, one after another.
/// The read models are emptied first; like the daemon's rebuild, this is an offline operation.
/// </summary>
public static class BulkRebuild
{
    private const int BatchSize = 5_000;

    public static async Task<RebuildReport> RebuildAll(IDocumentStore store, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var projections = ((StoreOptions)store.Options).Projections.All.ToList();
        var folds = new List<IFold>();
        var others = new List<string>();
        foreach (var projection in projections)
        {
            var type = projection.GetType();
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(SingleStreamProjection<,>) && type.GetGenericArguments()[1] == typeof(Guid))
                folds.Add((IFold)Activator.CreateInstance(typeof(Fold<>).MakeGenericType(type.GetGenericArguments()[0]), projection)!);
            else
                others.Add(projection.Name);
        }

        var eventsRead = folds.Count > 0 ? await FoldAll(store, folds, ct) : 0;
        var steps = folds.Select(f => new RebuildStep(f.Name, "one pass, COPY", f.Events, f.Documents)).ToList();

        foreach (var name in others)
        {
            using var daemon = await store.BuildProjectionDaemonAsync();
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromHours(2), ct);
            steps.Add(new RebuildStep(name, "async daemon", -1, -1));
        }

        return new RebuildReport(steps, eventsRead, watch.Elapsed);
    }

    private static async Task<long> FoldAll(IDocumentStore store, List<IFold> folds, CancellationToken ct)
    {
        var byType = new Dictionary<Type, List<IFold>>();
        foreach (var fold in folds)
        foreach (var type in fold.EventTypes)
        {
            if (!byType.TryGetValue(type, out var list)) byType[type] = list = [];
            list.Add(fold);
        }

        await using var session = store.QuerySession();
        var types = byType.Keys.ToArray();
        // A stream that (unusually) holds events of two read models is simply completed at the end.
        var lasts = (await session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(types))
            .GroupBy(e => e.StreamId).Select(g => new StreamLast(g.Key, g.Max(e => e.Version))).ToListAsync(ct))
            .ToDictionary(l => l.StreamId, l => l.Version);
        foreach (var fold in folds) fold.Last = lasts;

        // Emptied, and written without their secondary indexes, which are built again afterwards in one sort
        // each: far cheaper than maintaining them row by row.
        foreach (var fold in folds)
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(fold.DocumentType, ct);
        var tables = store.Options.AllKnownDocumentTypes().Where(d => folds.Any(f => f.DocumentType == d.DocumentType)).Select(d => d.TableName).ToList();
        var indexes = await SecondaryIndexes.Drop(store, tables, ct);

        // The writer runs beside the reader: while PostgreSQL copies one batch in, the next is being folded.
        var batches = Channel.CreateBounded<IReadOnlyList<object>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(async () =>
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                await store.BulkInsertDocumentsAsync(batch, BulkInsertMode.InsertsOnly, BatchSize, ct);
        }, ct);

        long read = 0;
        try
        {
            var all = session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(types)).OrderBy(e => e.Sequence).ToAsyncEnumerable(ct);
            await foreach (var e in all)
            {
                read++;
                foreach (var fold in byType[e.EventType])
                    if (await fold.Add(session, e, ct) is { } full) await batches.Writer.WriteAsync(full, ct);
            }

            foreach (var fold in folds)
                foreach (var rest in await fold.Finish(session, ct))
                    await batches.Writer.WriteAsync(rest, ct);
        }
        finally
        {
            batches.Writer.TryComplete();
        }

        await writer;
        await SecondaryIndexes.Create(store, indexes, ct);
        return read;
    }

    private interface IFold
    {
        string Name { get; }
        Type DocumentType { get; }
        IReadOnlyList<Type> EventTypes { get; }
        long Events { get; }
        long Documents { get; }
        Dictionary<Guid, long> Last { set; }
        ValueTask<IReadOnlyList<object>?> Add(IQuerySession session, IEvent e, CancellationToken ct);
        Task<IReadOnlyList<IReadOnlyList<object>>> Finish(IQuerySession session, CancellationToken ct);
    }

    /// <summary>One snapshot type: its streams in flight, each held until its last relevant event is in.</summary>
    private sealed class Fold<TDoc>(SingleStreamProjection<TDoc, Guid> projection) : IFold where TDoc : class
    {
        private static readonly NulloIdentitySetter<TDoc, Guid> NoIdentity = new();
        private readonly Dictionary<Guid, List<IEvent>> _inFlight = [];
        private Dictionary<Guid, long> _last = [];
        private List<object> _batch = new(BatchSize);

        public string Name => projection.Name;
        public Type DocumentType => typeof(TDoc);
        public IReadOnlyList<Type> EventTypes { get; } = projection.IncludedEventTypes.ToList();
        public long Events { get; private set; }
        public long Documents { get; private set; }

        /// <summary>Per stream, the version of its last event of any rebuilt type: the stream is complete once that is folded.</summary>
        public Dictionary<Guid, long> Last { set => _last = value; }

        public async ValueTask<IReadOnlyList<object>?> Add(IQuerySession session, IEvent e, CancellationToken ct)
        {
            Events++;
            if (!_inFlight.TryGetValue(e.StreamId, out var slice)) _inFlight[e.StreamId] = slice = [];
            slice.Add(e);
            if (e.Version < _last[e.StreamId]) return null;

            _inFlight.Remove(e.StreamId);
            await Complete(session, e.StreamId, slice, ct);
            return _batch.Count >= BatchSize ? TakeBatch() : null;
        }

        public async Task<IReadOnlyList<IReadOnlyList<object>>> Finish(IQuerySession session, CancellationToken ct)
        {
            foreach (var (stream, slice) in _inFlight) await Complete(session, stream, slice, ct);
            _inFlight.Clear();
            return _batch.Count > 0 ? [TakeBatch()] : [];
        }

        private async Task Complete(IQuerySession session, Guid stream, List<IEvent> slice, CancellationToken ct)
        {
            // From nothing, the projection decides what the inline projection would have stored for these events.
            var (doc, action) = await projection.DetermineActionAsync(session, null!, stream, NoIdentity, slice, ct);
            if (action != ActionType.Store || doc is null) return;
            _batch.Add(doc);
            Documents++;
        }

        private List<object> TakeBatch()
        {
            var full = _batch;
            _batch = new List<object>(BatchSize);
            return full;
        }
    }

    private sealed record StreamLast(Guid StreamId, long Version);
}
