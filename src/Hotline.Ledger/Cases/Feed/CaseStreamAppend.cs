using Hotline.Ledger.Chain;
using Marten.Events;

namespace Hotline.Ledger.Cases.Feed;

/// <summary>
/// Appends a feed batch's events to all their case streams in ONE statement of the session's batch (ADR 0200),
/// instead of Marten's one <c>mt_quick_append_events</c> call per stream. The rows are the ones Marten writes
/// (same columns, type names, JSON, metadata; stream versions counted on from the stored ones; sequence numbers
/// in the order Marten would take them: stream by stream, each stream's events in order), so every reader —
/// the rebuilds, the integrity check, the case endpoint — sees no difference.
/// <para>
/// The events go around the session's event tracking, so Marten's inline projections (none of which applies to a
/// case) and Wolverine's event forwarding (no case event is forwarded) do not scan them; the chain's seal, which
/// the session listener enlists only for tracked events, is enlisted here for these, exactly as the listener does
/// (ADR 0011: sealed in the transaction that appends them, under the chain's lock, at commit).
/// </para>
/// </summary>
internal sealed class CaseStreamAppend
{
    private readonly List<Guid> _streams = [];
    private readonly List<Guid> _ids = [];
    private readonly List<string> _types = [];
    private readonly List<string> _dotnetTypes = [];
    private readonly List<string> _bodies = [];

    private ReturnedEventsSeal? _seal;

    public int Count => _ids.Count;

    /// <summary>Adds a stream's events, in order; streams are appended in the order they are added.</summary>
    public void Add(IDocumentSession session, Guid stream, IEnumerable<object> events)
    {
        var graph = (EventGraph)session.DocumentStore.Options.Events;
        var serializer = session.DocumentStore.Options.Serializer();
        foreach (var e in events)
        {
            var mapping = graph.EventMappingFor(e.GetType());
            _streams.Add(stream);
            _ids.Add(Guid.CreateVersion7());
            _types.Add(mapping.EventTypeName);
            _dotnetTypes.Add(mapping.DotNetTypeName);
            _bodies.Add(serializer.ToJson(e));
        }
    }

    /// <summary>
    /// Queues the append in the session's batch and enlists the chain's seal of the appended events. A stream not
    /// there yet is started (as a stream of <see cref="CaseFile"/>), one that is has its version moved on.
    /// <para>
    /// The ids in <paramref name="claims"/> are claimed by the same statement (<see cref="CaseEventIds.ClaimsInStatement"/>):
    /// it fails whole if one was claimed before, and Marten's batch done again in a fresh transaction claims them again.
    /// </para>
    /// </summary>
    public void Queue(IDocumentSession session, DateTimeOffset recordedAt, (string[] Ids, Guid[] Cases) claims)
    {
        if (_ids.Count == 0) return;
        var options = session.DocumentStore.Options;
        var schema = options.Events.DatabaseSchemaName;
        var streamType = ((EventGraph)options.Events).AggregateAliasFor(typeof(CaseFile));
        // The sequence is taken in the order of the input (PostgreSQL evaluates a volatile select list after the sort),
        // stream by stream as Marten's appends would, so log order and each stream's version order agree.
        var seal = _seal = new ReturnedEventsSeal(options.DatabaseSchemaName, _ids.Count);
        // The statement answers what the chain hashes of every event it inserts, so the seal reads nothing back.
        session.QueueOperation(new ReturningAppend(
            $"""
             with input as (
                 select * from unnest(?, ?, ?, ?, ?) with ordinality as t(stream_id, id, type, dotnet_type, data, n)),
             claims as (
                 {CaseEventIds.ClaimsInStatement(options.DatabaseSchemaName)}),
             counts as (
                 select stream_id, count(*) as appended from input group by stream_id),
             streams as (
                 insert into {schema}.mt_streams as s (id, type, version, timestamp, tenant_id)
                 select stream_id, ?, appended, now(), ? from counts order by stream_id
                 on conflict (id) do update set version = s.version + excluded.version, timestamp = now()
                 returning s.id, s.version)
             insert into {schema}.mt_events as e (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived, correlation_id, user_name)
             select nextval('{schema}.mt_events_sequence'), x.id, x.stream_id, x.version, x.data, x.type, ?, ?, x.dotnet_type, false, ?, ?
             from (select i.id, i.stream_id, s.version - c.appended + row_number() over (partition by i.stream_id order by i.n) as version,
                          i.data::jsonb as data, i.type, i.dotnet_type, i.n
                   from input i join counts c on c.stream_id = i.stream_id join streams s on s.id = i.stream_id) x
             order by x.n
             returning {ChainedEvent.Columns}
             """,
            [
                _streams.ToArray(), _ids.ToArray(), _types.ToArray(), _dotnetTypes.ToArray(), _bodies.ToArray(),
                recordedAt, claims.Ids, claims.Cases,
                streamType, session.TenantId,
                session.TenantId, recordedAt, session.CorrelationId, session.LastModifiedBy,
            ],
            seal));

        if (session is not ITransactionParticipantRegistrar registrar)
            throw new InvalidOperationException($"{session.GetType().Name} takes no transaction participants; the case events could not be sealed.");
        registrar.AddTransactionParticipant(new TimedSeal(seal));
    }

    /// <summary>
    /// Queues the chain's lock and head for the seal, after everything else the batch writes (see
    /// <see cref="ReturnedEventsSeal.QueueLockAndHead"/>); nothing when nothing was appended.
    /// </summary>
    public void QueueSeal(IDocumentSession session) => _seal?.QueueLockAndHead(session);

    /// <summary>
    /// The append as an operation of Marten's batch that reads its own result: the same parameters as a queued SQL
    /// command, and the returned rows handed to the seal.
    /// </summary>
    private sealed class ReturningAppend(string sql, object?[] values, ReturnedEventsSeal seal) : Marten.Internal.Operations.IStorageOperation
    {
        public Type DocumentType => typeof(Marten.Storage.StorageFeatures);

        public void ConfigureCommand(Weasel.Postgresql.ICommandBuilder builder, Weasel.Storage.IStorageSession session) =>
            Hotline.Ledger.Kernel.BatchStatement.Bind(builder, sql, values.Select(v => (v, (NpgsqlTypes.NpgsqlDbType?)null)).ToArray());

        public Task PostprocessAsync(System.Data.Common.DbDataReader reader, IList<Exception> exceptions, CancellationToken token) =>
            seal.TakeAsync(reader, token);

        public Weasel.Core.OperationRole Role() => Weasel.Core.OperationRole.Other;
    }

    /// <summary>The chain's seal, as the phase of the batch it is (<see cref="CaseFeedPhases"/>).</summary>
    private sealed class TimedSeal(ITransactionParticipant sealer) : ITransactionParticipant
    {
        public async Task BeforeCommitAsync(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction transaction, CancellationToken token)
        {
            using var phase = CaseFeedPhases.Start("seal");
            await sealer.BeforeCommitAsync(connection, transaction, token);
        }

        public Task AfterCommitAsync(CancellationToken token) => sealer.AfterCommitAsync(token);
    }
}
