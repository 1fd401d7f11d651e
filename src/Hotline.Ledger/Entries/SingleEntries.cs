using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace Hotline.Ledger.Entries;

/// <summary>
/// Records the office's single entries (<c>POST /api/entries</c>) through the group commit, so that
/// entries arriving together share one transaction, one seal of the chain and one flush
/// (docs/adr/0120-group-commit-for-single-entries.md). The decision's reads run in the request, beside
/// the others; the once-per-year claim, the key, the append and the answer run in the request's step.
/// </summary>
public sealed class SingleEntries(
    GroupCommit group, OutboxedSessionFactory outbox, IWolverineRuntime runtime, CityDatabase db,
    RulebookCatalog rulebooks, TimeProvider clock, IOptions<JsonOptions> json, IConfiguration config, IRecordedEntryForwarding forwarding) : IEndpointMetadataProvider, IJointSessions
{
    private readonly KeyedAnswers _keys = new(config["Hotline:Schema"] ?? "hotline");
    private readonly TimeSpan _wait = config.GetValue("Hotline:Idempotency:Wait", TimeSpan.FromSeconds(5));
    private readonly int _attempts = Math.Max(1, config.GetValue("Hotline:Idempotency:Attempts", 5));
    // Entries without a key in one shared session per batch (ADR 0175, on by default since ADR 0196).
    private readonly bool _joint = config.GetValue("Hotline:GroupCommit:Joint", true);
    // The shared session's entries in one statement (ADR 0187); off, each goes through Marten's own append.
    private readonly bool _oneStatement = config.GetValue("Hotline:GroupCommit:OneStatement", true);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IDocumentSession, EntryBatch> _batches = new();

    /// <summary>An endpoint that takes this service answers its Idempotency-Key in its step of the group commit.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => builder.Metadata.Add(new KeysTakenInGroupCommit());

    private enum Kind { Recorded, Replayed, Refused, OtherRequest, Busy, LostRace }

    private sealed record Outcome(Kind Kind, StoredAnswer? Answer = null, MessageContext? Messages = null, Exception? Race = null);

    public async Task<IResult> RecordAsync(RecordEntry command, IQuerySession session, HttpContext http)
    {
        if (RequestTransaction.IsShared)
            throw new InvalidOperationException("A single entry is written by the group commit, never inside a request's own transaction.");
        var key = http.Features.Get<IdempotencyClaim>();
        var actor = RequestActor.Of(http);
        var correlation = RequestCorrelation.Of(http);

        for (var attempt = 1; ; attempt++)
        {
            var phase = Stopwatch.GetTimestamp();
            // The person and the unit in one round trip (ADR 0043), read beside the other requests.
            var batch = session.CreateBatchQuery();
            var personLoad = command.PersonId is { } personId ? batch.Load<Person>(personId) : Task.FromResult<Person?>(null);
            var unitLoad = batch.Load<Unit>(command.UnitId);
            await batch.Execute();
            var person = await personLoad;

            var rulebook = rulebooks.InForceOn(command.OccurredOn);
            if (EntryRules.Check(command, rulebook, OfficeCalendar.Today(clock), person, out var clause) is { } fault)
                return Problems.Invalid(fault.Field, fault.Code, fault.Args);
            if (await unitLoad is null)
                return Problems.Invalid("unitId", "entry.unitId.unknown", command.UnitId);

            Outcome outcome;
            if (await EntryBook.FindOncePerYearConflict(session, clause!, command.UnitId, command.PersonId, command.OccurredOn.Year) is { } conflict)
            {
                var refusal = Problems.RefuseWith("entry.clause.oncePerYear", "entry.clause.oncePerYear.title", conflict, "clause");
                // The claim may be this very request's, made by its first attempt: a repeat answers that first answer.
                if (key is null) return refusal;
                outcome = await group.RunAsync(step => RefuseUnlessAnswered(step, key));
                if (outcome.Kind == Kind.Refused) return refusal;
            }
            else
            {
                var magnitude = command.Points ?? clause!.Points!.Value;
                var recorded = new EntryRecorded(
                    Guid.CreateVersion7(), rulebook!.Id, clause!.Code, command.UnitId, clause.Credits(SubjectKind.Person) ? command.PersonId : null,
                    command.OccurredOn, clause.Signed(magnitude), command.Reason.Trim(), command.Evidence ?? [], command.CaseNumber, actor);
                GroupCommitMeter.Record(GroupCommitMeter.Entry, "decide", phase);
                phase = Stopwatch.GetTimestamp();
                // An entry shares its batch's session with the others: one round trip for them all. With a key, only
                // when the batch is one statement, whose answers are built before the save and kept with the keys in it.
                var joint = _joint && (key is null || _oneStatement)
                    ? new JointWrite<Outcome>(this, session => Stage(session, clause, recorded, correlation, key))
                    : null;
                outcome = await group.RunAsync(step => Write(step, clause, recorded, key, correlation), joint);
                GroupCommitMeter.Record(GroupCommitMeter.Entry, "group", phase);
            }

            switch (outcome.Kind)
            {
                case Kind.Recorded:
                    // The notice of the entry goes out now that the entry is committed (ADR 0095).
                    // (An entry written in a shared session has its notice sent by the group commit.)
                    phase = Stopwatch.GetTimestamp();
                    if (outcome.Messages is { } messages) await messages.FlushOutgoingMessagesAsync();
                    GroupCommitMeter.Record(GroupCommitMeter.Entry, "notices", phase);
                    return KeyedAnswers.Answer(outcome.Answer!, replayed: false);
                case Kind.Replayed:
                    return KeyedAnswers.Answer(outcome.Answer!, replayed: true);
                case Kind.OtherRequest:
                    return KeyedAnswers.OtherRequest();
                case Kind.Busy:
                    if (attempt < _attempts && await _keys.WaitAsync(db.Current, key!, clock.GetUtcNow(), _wait)) continue;
                    return KeyedAnswers.Busy(_wait);
                case Kind.LostRace when attempt < _attempts:
                    // Another write took the claim (or the stream) first: decide again from what is now committed.
                    continue;
                case Kind.LostRace:
                    throw outcome.Race!;
                default:
                    throw new InvalidOperationException($"Unexpected outcome {outcome.Kind} of a single entry.");
            }
        }
    }

    private async Task<GroupOutcome<Outcome>> RefuseUnlessAnswered(GroupStep step, IdempotencyClaim key)
    {
        var (taken, answer) = await _keys.TakeAsync(step, key, clock.GetUtcNow());
        return GroupOutcome<Outcome>.Discarded(Answered(taken, answer) ?? new Outcome(Kind.Refused));
    }

    private async Task<GroupOutcome<Outcome>> Write(GroupStep step, Clause clause, EntryRecorded recorded, IdempotencyClaim? key, string correlation)
    {
        if (key is not null)
        {
            var (taken, answer) = await _keys.TakeAsync(step, key, clock.GetUtcNow());
            if (Answered(taken, answer) is { } before) return GroupOutcome<Outcome>.Discarded(before);
        }

        // The city's own message store, beside the city's database the batch writes to (ADR 0110).
        var phase = Stopwatch.GetTimestamp();
        var messages = new MessageContext(runtime) { TenantId = CityScope.Current };
        await using (var session = OpenOutbox(step, messages))
        {
            session.LastModifiedBy = recorded.RecordedBy;
            session.CorrelationId = correlation;

            var stream = EntryBook.Record(session, clause, recorded);
            GroupCommitMeter.Record(GroupCommitMeter.Entry, "session", phase);
            phase = Stopwatch.GetTimestamp();
            try
            {
                await session.SaveChangesAsync();
                GroupCommitMeter.Record(GroupCommitMeter.Entry, "save", phase);
            }
            catch (Exception e) when (StoreConflicts.IsConflict(e))
            {
                return GroupOutcome<Outcome>.Discarded(new Outcome(Kind.LostRace, Race: e));
            }

            phase = Stopwatch.GetTimestamp();
            var answer = Answer((IEvent<EntryRecorded>)stream.Events[0]);
            if (key is not null) await _keys.KeepAsync(step, key, answer);
            GroupCommitMeter.Record(GroupCommitMeter.Entry, "answer", phase);
            return GroupOutcome<Outcome>.Kept(new Outcome(Kind.Recorded, answer, messages));
        }
    }

    /// <summary>Opens the session a batch's entries without a key share (<see cref="JointWrite{T}"/>); its notices go once the batch has committed.</summary>
    JointSession IJointSessions.Open(GroupStep step)
    {
        var messages = new MessageContext(runtime) { TenantId = CityScope.Current };
        var session = OpenOutbox(step, messages);
        if (!_oneStatement) return new JointSession(session, () => messages.FlushOutgoingMessagesAsync());
        var batch = _batches.GetValue(session, _ => new EntryBatch(_keys, clock, forwarding));
        return new JointSession(session, () => messages.FlushOutgoingMessagesAsync(), () => batch.QueueAsync(session, messages));
    }

    /// <summary>Puts the entry into the batch's shared session; its answer once that session has saved.</summary>
    private Func<Outcome> Stage(IDocumentSession session, Clause clause, EntryRecorded recorded, string correlation, IdempotencyClaim? key)
    {
        if (_batches.TryGetValue(session, out var batch))
        {
            EntryBook.Claim(session, clause, recorded);
            var answer = batch.Add(recorded, correlation, key, Answer);
            return () => new Outcome(Kind.Recorded, answer());
        }

        if (key is not null)
            throw new InvalidOperationException("An entry with a key shares its batch's session only when the batch is written in one statement.");

        var stream = EntryBook.Record(session, clause, recorded);
        // The entry's own actor and request, in a session shared with others (Marten fills in only what is unset).
        stream.Events[0].UserName = recorded.RecordedBy;
        stream.Events[0].CorrelationId = correlation;
        return () => new Outcome(Kind.Recorded, Answer((IEvent<EntryRecorded>)stream.Events[0]));
    }

    /// <summary>
    /// Wolverine's outbox session, so that an entry's notice is stored with it (ADR 0095), written through the
    /// batch's transaction; its messages are sent only once the batch has committed, never at the session's save.
    /// </summary>
    private IDocumentSession OpenOutbox(GroupStep step, MessageContext messages)
    {
        IDocumentSession session;
        using (RequestTransaction.Share(step.Transaction))
            session = outbox.OpenSession(messages);
        foreach (var early in session.Listeners.Where(l => l.GetType().Name == "FlushOutgoingMessagesOnCommit").ToList())
            session.Listeners.Remove(early);
        return session;
    }

    /// <summary>
    /// The answer is the row the inline projection just stored, built by the same code from the same stamped
    /// event, rather than read back (ADR 0043).
    /// </summary>
    private StoredAnswer Answer(IEvent<EntryRecorded> recorded)
    {
        var view = EntryView.Of(Entry.Create(recorded));
        return new StoredAnswer(StatusCodes.Status201Created, "application/json; charset=utf-8",
            $"/api/entries/{recorded.Data.EntryId}", JsonSerializer.SerializeToUtf8Bytes(view, json.Value.SerializerOptions));
    }

    private static Outcome? Answered(KeyedAnswers.Taken taken, StoredAnswer? answer) => taken switch
    {
        KeyedAnswers.Taken.Now => null,
        KeyedAnswers.Taken.Answered => new Outcome(Kind.Replayed, answer),
        KeyedAnswers.Taken.OtherRequest => new Outcome(Kind.OtherRequest),
        _ => new Outcome(Kind.Busy),
    };
}
