using Hotline.Ledger.MonthlyReports;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.SelfChecks;
using Hotline.Ledger.SpotChecks;

namespace Hotline.Ledger.Benchmarks.Running;

/// <summary>
/// The in-process write path for ledger facts: the same domain calls the endpoints make
/// (<see cref="EntryBook.Record"/>, StartStream/Append on the subject's stream, once-per-year claims
/// released on rescission), with the inline projections running in the same transaction, a batch of
/// operations per session. The HTTP-only checks are skipped: the generator only produces valid facts.
/// </summary>
public sealed class LedgerLoader(IDocumentStore store, CityClock clock, RulebookCatalog rulebooks, int batchSize = 1_000)
{
    private readonly List<LedgerOp> _batch = new(batchSize);

    public Meter Meter { get; } = new();

    /// <summary>Development aid: when set, every session reports its commands here.</summary>
    public IMartenSessionLogger? Trace { get; set; }

    /// <summary>Whether the batch holds registry changes the case feed checks rows against (people and their units).</summary>
    public bool HoldsRegistryChanges { get; private set; }

    public async Task Add(LedgerOp op)
    {
        // A batch is stamped with its last fact's instant. Registrations and transfers must not be stamped days
        // late (a unit must exist from the day it was registered), so a batch holding one goes before the next day's facts.
        if (HoldsRegistryChanges && OfficeCalendar.DateOf(op.RecordedAt) != OfficeCalendar.DateOf(_batch[^1].RecordedAt)) await Flush();
        _batch.Add(op);
        if (op.Event is PersonRegistered or PersonTransferred or UnitRegistered) HoldsRegistryChanges = true;
        if (_batch.Count >= batchSize) await Flush();
    }

    public async Task Flush()
    {
        if (_batch.Count == 0) return;
        // The store stamps the batch as the ledger would have learnt its last fact.
        clock.MoveTo(_batch[^1].RecordedAt);
        await Meter.Time(_batch.Count, async () =>
        {
            await using var session = store.LightweightSession();
            if (Trace is not null) session.Logger = Trace;
            foreach (var op in _batch) Apply(session, op);
            await session.SaveChangesAsync();
        });
        _batch.Clear();
        HoldsRegistryChanges = false;
    }

    private void Apply(IDocumentSession session, LedgerOp op)
    {
        switch (op.Event)
        {
            case EntryRecorded recorded:
                EntryBook.Record(session, Clause(recorded.Rulebook, recorded.Clause), recorded);
                break;
            case EntryRescinded rescinded:
                session.Events.Append(op.StreamId, rescinded);
                var entry = op.Rescinds!;
                EntryBook.ReleaseClaims(session, Clause(entry.Rulebook, entry.Clause),
                    new Entry { UnitId = entry.UnitId, PersonId = entry.PersonId, Year = entry.OccurredOn.Year });
                break;
            default:
                if (op.StartsStream) session.Events.StartStream(AggregateOf(op.Event), op.StreamId, op.Event);
                else session.Events.Append(op.StreamId, op.Event);
                break;
        }
    }

    private Clause Clause(string rulebook, string code) => rulebooks.Get(rulebook)!.Find(code)!;

    /// <summary>The aggregate each stream-starting event belongs to, as the endpoints start them.</summary>
    public static Type AggregateOf(object e) => e switch
    {
        UnitRegistered => typeof(Unit),
        PersonRegistered or PersonTransferred => typeof(Person),
        EntryRecorded or EntryRescinded => typeof(Entry),
        MarkRecorded => typeof(Mark),
        SelfCheckSubmitted => typeof(SelfCheck),
        SpotCheckRecorded or SpotCheckEntryLinked => typeof(SpotCheck),
        MonthlyReportSubmitted => typeof(MonthlyReport),
        _ => throw new InvalidOperationException($"No aggregate for {e.GetType().Name}"),
    };
}
