using JasperFx;
using JasperFx.Events;
using Weasel.Core;

namespace Hotline.Ledger.Benchmarks.Baselines;

/// <summary>
/// Baseline 1: Marten appending the same events with nothing else — the ledger's event-store settings
/// (stream identity, metadata columns, serializer, append mode) but no projections, no documents, no
/// validation, in a scratch schema of its own.
/// </summary>
public sealed class RawMarten : IAsyncDisposable
{
    private readonly DocumentStore _store;

    private RawMarten(DocumentStore store) => _store = store;

    public EventAppendMode AppendMode => _store.Options.Events.AppendMode;

    public static async Task<RawMarten> Create(string connectionString, string schema, IDocumentStore ledger)
    {
        var like = ledger.Options.Events;
        var store = DocumentStore.For(opts =>
        {
            opts.Connection(connectionString);
            opts.DatabaseSchemaName = schema;
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            opts.AutoCreateSchemaObjects = AutoCreate.All;
            opts.Events.StreamIdentity = like.StreamIdentity;
            opts.Events.AppendMode = like.AppendMode;
            opts.Events.MetadataConfig.UserNameEnabled = like.MetadataConfig.UserNameEnabled;
            opts.Events.MetadataConfig.CorrelationIdEnabled = like.MetadataConfig.CorrelationIdEnabled;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new RawMarten(store);
    }

    /// <summary>Appends the operations' events in sessions of <paramref name="batchSize"/> events.</summary>
    public async Task<Meter> AppendInBatches(IEnumerable<CityOp> ops, int batchSize = 1_000)
    {
        var meter = new Meter();
        var batch = new List<(Guid Stream, object Event, bool Starts)>(batchSize);
        async Task Flush()
        {
            await meter.Time(batch.Count, async () =>
            {
                await using var session = _store.LightweightSession();
                foreach (var (stream, e, starts) in batch)
                {
                    if (starts) session.Events.StartStream(stream, e);
                    else session.Events.Append(stream, e);
                }

                await session.SaveChangesAsync();
            });
            batch.Clear();
        }

        foreach (var op in ops)
        {
            batch.Add(op switch
            {
                LedgerOp l => (l.StreamId, l.Event, l.StartsStream),
                // Append starts a case stream it does not find: the windows continue streams begun earlier.
                CaseOp c => (c.CaseStream, c.Event, false),
                _ => throw new InvalidOperationException(),
            });
            if (batch.Count >= batchSize) await Flush();
        }

        if (batch.Count > 0) await Flush();
        return meter;
    }

    /// <summary>One event per session from <paramref name="clients"/> concurrent writers: the floor under a single entry.</summary>
    public Task<Latencies> AppendOneAtATime(int clients, Bound bound, Func<int, (Guid Stream, object Event)> next) =>
        Loop.Run(clients, bound, async i =>
        {
            var (stream, e) = next(i);
            await using var session = _store.LightweightSession();
            session.Events.StartStream(stream, e);
            await session.SaveChangesAsync();
            return true;
        });

    public async ValueTask DisposeAsync() => await _store.DisposeAsync();
}
