using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Storage;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace Hotline.Ledger.Cases.Feed;

/// <summary>
/// Ingests platform rows (ADR 0020): checks each row, skips the ones seen before, and in ONE transaction
/// appends the rest to their cases' streams, rewrites the touched case files, adds the rate counters'
/// difference and schedules the judgement of new reply deadlines (durable, through Wolverine's outbox).
/// A lost race with another writer of the same case rolls the attempt back whole and it is done again.
/// Used by the JSON and CSV routes; in-process callers (benchmarks, imports) may call <see cref="Ingest"/> directly.
/// </summary>
public sealed class CaseFeed(
    IDocumentStore store,
    OutboxedSessionFactory sessions,
    IWolverineRuntime runtime,
    TimeProvider clock,
    IEnumerable<IReplyFollowUp> followUps)
{
    public const int MaxRows = 10_000;
    private const int Attempts = 5;

    private readonly IReplyFollowUp[] _followUps = followUps.ToArray();

    // The store's own clock stamps events; the counters must carry the very same instant.
    private readonly TimeProvider _storeClock = (store.Options as StoreOptions)?.Events.TimeProvider ?? TimeProvider.System;

    public async Task<CaseFeedAnswer> Ingest(IReadOnlyList<CaseEventRow?> rows, string recordedBy, CancellationToken ct = default) =>
        await Ingest(rows.Select((r, i) => (i, r, (int?)null, (Refusal?)null)).ToList(), recordedBy, ct);

    /// <summary>Rows with their index, their CSV line and a fault already found while reading them.</summary>
    public async Task<CaseFeedAnswer> Ingest(IReadOnlyList<(int Index, CaseEventRow? Row, int? Line, Refusal? Fault)> rows, string recordedBy, CancellationToken ct = default)
    {
        if (rows.Count > MaxRows) throw new ArgumentException($"At most {MaxRows} rows per batch.", nameof(rows));

        // The ids are claimed in the append's own statement, and a batch that meets one claimed before is done again
        // claiming first (ADR 0192). A keyed request claims first at once: its owner does a failed request again whole,
        // and would meet the same id again in the same way.
        var claimFirst = RequestTransaction.IsShared;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Attempt(rows, recordedBy, claimFirst, ct);
            }
            catch (Exception e) when (attempt < Attempts && !RequestTransaction.IsShared && StoreConflicts.IsConflict(e))
            {
                // Another writer touched one of these cases (or claimed one of these ids) first: read again.
                // In a keyed request the lost race aborted the request's transaction: its owner does it again.
                claimFirst |= CaseEventIds.IsTaken(e);
            }
        }
    }

    private async Task<CaseFeedAnswer> Attempt(IReadOnlyList<(int Index, CaseEventRow? Row, int? Line, Refusal? Fault)> rows, string recordedBy, bool claimFirst, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var recordedAt = _storeClock.GetUtcNow();
        // The city's tenant on every message this batch sends: the outbox stores them in the city's own message store
        // (the session's database), and Wolverine handles each in, and marks it handled in, the store of its tenant.
        var bus = new MessageContext(runtime) { TenantId = CityScope.Current };
        await using var session = sessions.OpenSession(bus);
        session.LastModifiedBy = recordedBy;

        var phase = CaseFeedPhases.Start("check");
        var rejected = new List<RejectedRow>();
        var parsed = new List<ParsedRow>();
        foreach (var (index, row, line, fault) in rows)
        {
            var errors = new Dictionary<string, List<Refusal>>();
            if (fault is not null) errors["row"] = [fault];
            else if (CaseRowParser.Parse(index, row, now, recordedAt, errors) is { } ok) parsed.Add(ok);
            if (errors.Count > 0) rejected.Add(RejectedRow.Of(index, row?.EventId, errors, line));
        }

        var good = await CheckRegistry(session, parsed, rejected, ct);

        // A row repeated within the batch is a duplicate of its first occurrence.
        var firsts = good.GroupBy(r => r.Fact.EventId, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var duplicates = good.Count - firsts.Count;

        phase?.Dispose();
        await session.BeginTransactionAsync(ct);
        var appended = firsts;
        var unclaimed = CaseEventIds.Unclaimed(firsts);
        if (claimFirst)
        {
            phase = CaseFeedPhases.Start("claim");
            var fresh = await CaseEventIds.Claim(session, firsts, recordedAt, ct);
            // Marten may do its batch again in a fresh transaction after a transient failure (a deadlock with the
            // deadline judge): the claims are said again in the batch, so that they always commit with the events.
            appended = firsts.Where(r => fresh.Contains(r.Fact.EventId)).ToList();
            CaseEventIds.Reassert(session, appended, recordedAt);
            duplicates += firsts.Count - appended.Count;
            unclaimed = (Array.Empty<string>(), Array.Empty<Guid>());
            phase?.Dispose();
        }

        var waiting = 0;
        if (appended.Count > 0)
        {
            waiting = await Append(session, bus, appended, unclaimed, now, recordedAt, ct);
            using (CaseFeedPhases.Start("save")) await session.SaveChangesAsync(ct);
        }

        return new CaseFeedAnswer(appended.Count, duplicates, rejected.OrderBy(r => r.Index).ToList(), waiting,
            appended.Count > 0 ? recordedAt : null);
    }

    /// <summary>The registry checks: units and people named by assignment rows must exist, the person in that unit on that day.</summary>
    private static async Task<List<ParsedRow>> CheckRegistry(IDocumentSession session, List<ParsedRow> parsed, List<RejectedRow> rejected, CancellationToken ct)
    {
        var unitIds = parsed.Select(r => r.Fact.UnitId).OfType<Guid>().Distinct().ToArray();
        var personIds = parsed.Select(r => r.Fact.PersonId).OfType<Guid>().Distinct().ToArray();
        // Both in one round trip.
        var query = session.CreateBatchQuery();
        var unitsRead = unitIds.Length == 0 ? Task.FromResult<IReadOnlyList<Unit>>([]) : query.LoadMany<Unit>().ById(unitIds);
        var peopleRead = personIds.Length == 0 ? Task.FromResult<IReadOnlyList<Person>>([]) : query.LoadMany<Person>().ById(personIds);
        if (unitIds.Length + personIds.Length > 0) await query.Execute(ct);
        var units = (await unitsRead).Select(u => u.Id).ToHashSet();
        var people = (await peopleRead).ToDictionary(p => p.Id);

        var good = new List<ParsedRow>();
        foreach (var row in parsed)
        {
            var errors = new Dictionary<string, List<Refusal>>();
            if (row.Fact.UnitId is { } unit && !units.Contains(unit))
                errors["unitId"] = [new("caseFeed.unitId.unknown", unit)];
            if (row.Fact.PersonId is { } personId)
            {
                var day = OfficeCalendar.DateOf(row.Fact.At);
                if (!people.TryGetValue(personId, out var person)) errors["personId"] = [new("caseFeed.personId.unknown", personId)];
                else if (person.UnitOn(day) != row.Fact.UnitId) errors["personId"] = [new("caseFeed.personId.otherUnit", row.Fact.UnitId, day)];
            }

            if (errors.Count == 0) good.Add(row);
            else rejected.Add(RejectedRow.Of(row.Index, row.Fact.EventId, errors));
        }

        return good;
    }

    /// <summary>Appends the rows, rewrites their case files and queues the counters and deadline checks; answers the rows still waiting for an assignment.</summary>
    private async Task<int> Append(IDocumentSession session, MessageContext bus, List<ParsedRow> rows, (string[] Ids, Guid[] Cases) unclaimed,
        DateTimeOffset now, DateTimeOffset recordedAt, CancellationToken ct)
    {
        var byCase = rows.GroupBy(r => r.CaseNumber, StringComparer.Ordinal).ToList();
        var ids = byCase.Select(g => g.First().Stream).ToArray();
        // Read and written in one statement each, with the same optimistic concurrency (ADR 0044).
        var batch = new CaseFileBatch();
        var phase = CaseFeedPhases.Start("files");
        await batch.Load(session, ids, ct);
        phase?.Dispose();
        phase = CaseFeedPhases.Start("derive");
        var files = batch.Loaded;

        var counters = new Dictionary<CounterKey, CaseCounts>();
        var append = new CaseStreamAppend();
        // Each follow-up once per instant: a batch brings many identical deadlines.
        var later = _followUps.Select(_ => new HashSet<DateTimeOffset>()).ToArray();
        var atOnce = new bool[_followUps.Length];
        var waiting = 0;

        foreach (var group in byCase)
        {
            var id = group.First().Stream;
            files.TryGetValue(id, out var file);
            file ??= new CaseFile { Id = id, CaseNumber = group.Key };

            var before = file.Derive();
            var previousCheck = file.ReplyCheckAt;
            var previousDue = file.ReplyDueAt;
            file.Facts.AddRange(group.Select(r => r.Fact));
            var after = file.Derive();
            file.Refresh(after);
            CaseTimeline.AddDifference(counters, before, after);

            append.Add(session, id, group.Select(r => (object)CaseEvents.Of(group.Key, r.Fact)));
            batch.Write(file);

            if (!after.IsAssigned) waiting += group.Count();
            for (var i = 0; i < _followUps.Length; i++)
            {
                if (_followUps[i].DueAt(file, previousCheck, previousDue, now) is not { } at) continue;
                if (at <= now) atOnce[i] = true;
                else later[i].Add(at);
            }
        }

        phase?.Dispose();
        using var queue = CaseFeedPhases.Start("queue");
        append.Queue(session, recordedAt, unclaimed);
        batch.Queue(session);
        CaseCounters.Queue(session, counters, recordedAt);

        // Persisted with this transaction by Wolverine's outbox: a restart loses none of them.
        for (var i = 0; i < _followUps.Length; i++)
        {
            foreach (var at in later[i]) await bus.ScheduleAsync(_followUps[i].Message(), at);
            if (atOnce[i]) await bus.PublishAsync(_followUps[i].Message());
        }

        // Last of the batch: from here to the commit the chain is this batch's.
        append.QueueSeal(session);
        return waiting;
    }
}
