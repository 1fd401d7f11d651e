using Hotline.Ledger.Chain;
using Hotline.Ledger.Kernel;
using Hotline.Ledger.Storage;
using Marten.Events;
using NpgsqlTypes;
using Wolverine;

namespace Hotline.Ledger.Entries;

/// <summary>
/// The single entries of one group-commit batch written by ONE statement instead of Marten's two per entry (its
/// quick-append call and the inline <see cref="Entry"/> snapshot's upsert): the entries' new
/// streams, their <see cref="EntryRecorded"/> events and their <see cref="Entry"/> rows, with the rows and metadata
/// Marten writes for <c>StartStream&lt;Entry&gt;</c> (docs/adr/0187-a-batch-of-single-entries-in-one-statement.md).
/// <para>
/// The events go around the session's event tracking, so what hooks into it is done here for them: the inline
/// snapshot (the same <see cref="Entry.Create"/> over the same stamped event), the notice that event forwarding
/// would raise (the same message, through <see cref="IRecordedEntryForwarding"/>, stored in the batch's outbox), and the chain's seal
/// (handed to the batch's <see cref="DeferredSeal"/>, as the session listener hands tracked events, with the rows the
/// statement returns, so that the batch seals them without reading them back).
/// </para>
/// </summary>
internal sealed class EntryBatch(KeyedAnswers keys, TimeProvider clock, IRecordedEntryForwarding forwarding)
{
    private readonly List<Staged> _staged = [];
    private readonly List<StoredAnswer> _answers = [];

    private sealed record Staged(EntryRecorded Recorded, string Correlation, IdempotencyClaim? Key, Func<IEvent<EntryRecorded>, StoredAnswer> Answer);

    /// <summary>
    /// Adds an entry, with its Idempotency-Key if it has one; the function gives its answer, built from its event as
    /// stamped once the batch is queued (and, with a key, kept with the key in the same save).
    /// </summary>
    public Func<StoredAnswer> Add(EntryRecorded recorded, string correlation, IdempotencyClaim? key, Func<IEvent<EntryRecorded>, StoredAnswer> answer)
    {
        var index = _staged.Count;
        _staged.Add(new Staged(recorded, correlation, key, answer));
        return () => _answers[index];
    }

    /// <summary>
    /// Stamps the entries' events as Marten would at this save (one instant from the store's clock, version 1 of a
    /// new stream), queues the statement in the session's batch, the notices in its outbox, and the events for the
    /// batch's seal.
    /// </summary>
    public async Task QueueAsync(IDocumentSession session, IMessageContext messages)
    {
        if (_staged.Count == 0) return;
        var options = session.DocumentStore.Options;
        var graph = (EventGraph)options.Events;
        var mapping = graph.EventMappingFor(typeof(EntryRecorded));
        var serializer = options.Serializer();
        var now = graph.TimeProvider.GetUtcNow();

        _answers.Clear();
        var stampedEvents = new List<Event<EntryRecorded>>(_staged.Count);
        var keyed = new List<(IdempotencyClaim, StoredAnswer)>();
        var count = _staged.Count;
        var streams = new Guid[count];
        var ids = new Guid[count];
        var bodies = new string[count];
        var correlations = new string?[count];
        var authors = new string?[count];
        var documents = new string[count];
        var units = new Guid[count];
        var people = new Guid?[count];
        var years = new int[count];
        var days = new DateOnly[count];
        for (var i = 0; i < count; i++)
        {
            var (recorded, correlation, key, answer) = _staged[i];
            var stamped = new Event<EntryRecorded>(recorded)
            {
                Id = Guid.CreateVersion7(),
                StreamId = recorded.EntryId,
                Version = 1,
                Timestamp = now,
                TenantId = session.TenantId,
                UserName = recorded.RecordedBy,
                CorrelationId = correlation,
                EventTypeName = mapping.EventTypeName,
                DotNetTypeName = mapping.DotNetTypeName,
            };
            stampedEvents.Add(stamped);
            _answers.Add(answer(stamped));
            if (key is not null) keyed.Add((key, _answers[i]));
            var entry = Entry.Create(stamped);
            streams[i] = recorded.EntryId;
            ids[i] = stamped.Id;
            bodies[i] = serializer.ToJson(recorded);
            correlations[i] = correlation;
            authors[i] = recorded.RecordedBy;
            documents[i] = serializer.ToJson(entry);
            units[i] = entry.UnitId;
            people[i] = entry.PersonId;
            years[i] = entry.Year;
            days[i] = entry.OccurredOn;
        }

        var schema = graph.DatabaseSchemaName;
        var documentTable = $"{options.DatabaseSchemaName}.mt_doc_entry";
        // New streams only: an entry's stream or row that exists already fails the statement, and with it the
        // batch's shared save, which then runs each entry alone in its savepoint through Marten's own path.
        // The sequence is taken in the input's order (PostgreSQL evaluates a volatile select list after the sort).
        // The statement returns what the chain hashes of every event it inserts, so the batch's seal reads none back.
        var seal = DeferredSeal.Returns(session)
            ?? throw new InvalidOperationException("A batch of single entries was saved outside a group commit's seal; its events could not be sealed.");
        session.QueueOperation(new BatchStatement(
            $"""
             with input as (
                 select * from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) with ordinality
                     as t(stream_id, id, data, correlation_id, user_name, doc, unit_id, person_id, year, occurred_on, n)),
             streams as (
                 insert into {schema}.mt_streams (id, type, version, timestamp, tenant_id)
                 select stream_id, ?, 1, now(), ? from input order by n
                 returning id),
             documents as (
                 insert into {documentTable} (id, data, mt_last_modified, mt_dotnet_type, mt_version, unit_id, person_id, year, occurred_on, recorded_at, rescinded_at)
                 select stream_id, doc::jsonb, transaction_timestamp(), ?, 1, unit_id, person_id, year, occurred_on, ?, null from input)
             insert into {schema}.mt_events as e (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived, correlation_id, user_name)
             select nextval('{schema}.mt_events_sequence'), i.id, i.stream_id, 1, i.data::jsonb, ?, ?, ?, ?, false, i.correlation_id, i.user_name
             from input i join streams s on s.id = i.stream_id
             order by i.n
             returning {ChainedEvent.Columns}
             """,
            (streams, NpgsqlDbType.Array | NpgsqlDbType.Uuid), (ids, NpgsqlDbType.Array | NpgsqlDbType.Uuid),
                (bodies, NpgsqlDbType.Array | NpgsqlDbType.Text), (correlations, NpgsqlDbType.Array | NpgsqlDbType.Text),
                (authors, NpgsqlDbType.Array | NpgsqlDbType.Text), (documents, NpgsqlDbType.Array | NpgsqlDbType.Text),
                (units, NpgsqlDbType.Array | NpgsqlDbType.Uuid), (people, NpgsqlDbType.Array | NpgsqlDbType.Uuid),
                (years, NpgsqlDbType.Array | NpgsqlDbType.Integer), (days, NpgsqlDbType.Array | NpgsqlDbType.Date),
                (graph.AggregateAliasFor(typeof(Entry)), NpgsqlDbType.Varchar), (session.TenantId, NpgsqlDbType.Varchar),
                (typeof(Entry).FullName!, NpgsqlDbType.Varchar), (now, NpgsqlDbType.TimestampTz),
                (mapping.EventTypeName, NpgsqlDbType.Varchar), (session.TenantId, NpgsqlDbType.Varchar),
                (now, NpgsqlDbType.TimestampTz), (mapping.DotNetTypeName, NpgsqlDbType.Varchar))
        {
            Returned = seal.TakeReturnedAsync,
        });

        // The keys' claims and answers, as statements of the same save: a key in use fails it (see KeyedAnswers.Queue).
        keys.Queue(session, keyed, clock.GetUtcNow());
        foreach (var stamped in stampedEvents) await messages.PublishAsync(forwarding.Of(stamped));

        if (!DeferredSeal.TryTake(session, streams, ids))
            throw new InvalidOperationException("A batch of single entries was saved outside a group commit's seal; its events could not be sealed.");
    }
}
