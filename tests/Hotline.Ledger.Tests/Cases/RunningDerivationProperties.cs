using System.Text.Json;
using CsCheck;
using Hotline.Ledger.Cases;
using JasperFx.Events;

namespace Hotline.Ledger.Tests.Cases;

/// <summary>
/// The rebuild keeps each case's derivation running from fact to fact (ADR 0198) instead of deriving the case again from
/// all its facts at each write. On random case histories — late rows, facts before the assignment, reassignments within
/// and across units, extensions, reopenings, deadlines passing between facts, the judge's charges, rows delivered twice,
/// writes of several rows — the running derivation must be, after every fact, exactly what the full derivation gives,
/// and the case writes must give the same counter rows and the same file as deriving every write again.
/// </summary>
[Trait("Category", "Domain")]
public class RunningDerivationProperties
{
    private static readonly Guid[] Units = [Guid.Parse("00000000-0000-0000-0000-0000000000a1"), Guid.Parse("00000000-0000-0000-0000-0000000000a2")];
    private static readonly Guid[] People = [Guid.Parse("00000000-0000-0000-0000-0000000000b1"), Guid.Parse("00000000-0000-0000-0000-0000000000b2")];

    // A spring morning, and the last hour of a year in Asia/Shanghai: the case's year is its first assignment's.
    private static readonly DateTimeOffset[] Starts = [new(2021, 3, 1, 1, 0, 0, TimeSpan.Zero), new(2021, 12, 31, 15, 10, 0, TimeSpan.Zero)];

    /// <summary>A case history: facts (instants often shared, deadlines falling between them) and a seed for arrival, writes, charges and redeliveries.</summary>
    private static readonly Gen<(CaseFact[] Facts, int Seed)> Histories =
        Gen.Select(Gen.Int[0, 1], Gen.Select(Gen.Int[0, 11], Gen.Int[0, 300], Gen.Int[0, 3], Gen.Int[1, 96]).Array[1, 16], Gen.Int)
            .Select((start, rows, seed) => (rows.Select((r, i) => Fact(Starts[start], i, r.Item1, r.Item2, r.Item3, r.Item4)).ToArray(), seed));

    private static CaseFact Fact(DateTimeOffset start, int i, int type, int slot, int pick, int dueHours)
    {
        var kind = (CaseEventType)type;
        var at = start.AddMinutes(slot * 16);
        var assigns = kind is CaseEventType.Assigned or CaseEventType.Reassigned;
        var extends = kind == CaseEventType.ExtensionGranted;
        return new CaseFact($"E{i:D2}", kind, at, start,
            UnitId: assigns ? Units[pick % 2] : null,
            PersonId: assigns && pick < 2 ? People[pick] : null,
            ReplyDueAt: assigns || extends ? at.AddHours(dueHours) : null,
            CompletionDueAt: (assigns || extends) && pick != 1 ? at.AddDays(dueHours % 7 + 1) : null,
            Result: kind switch
            {
                CaseEventType.ReturnVisit => (CaseResult)pick,
                CaseEventType.OnlineVote => pick % 2 == 0 ? CaseResult.Satisfied : CaseResult.Dissatisfied,
                _ => null,
            });
    }

    /// <summary>The facts in a random arrival order, in writes of one to three rows, each write stamped with its own recorded instant.</summary>
    private static List<CaseFact> Arrival(CaseFact[] facts, int seed)
    {
        var random = new Random(seed);
        var arrived = new List<CaseFact>();
        var write = 0;
        foreach (var fact in facts.OrderBy(_ => random.Next()))
        {
            if (arrived.Count == 0 || random.Next(3) == 0) write++;
            arrived.Add(fact with { RecordedAt = facts[0].RecordedAt.AddHours(write * 7) });
        }

        return arrived;
    }

    [Fact]
    public void After_every_fact_the_running_derivation_is_the_full_derivation() =>
        Histories.Sample(h =>
        {
            var facts = new List<CaseFact>();
            var running = new RunningDerivation(facts);
            var booked = new Dictionary<CounterKey, CaseCounts>();
            foreach (var fact in Arrival(h.Facts, h.Seed))
            {
                facts.Add(fact);
                running.Add(fact, facts, booked);
                var full = CaseTimeline.Derive(facts);
                // What was booked fact by fact, with the pending deadline's passing, is the whole timeline.
                var timeline = new Dictionary<CounterKey, CaseCounts>(booked);
                running.BookPending(timeline, negate: false);
                if (!Same(timeline, full.Timeline) || Text(running.Result()) != Text(full)) return false;
            }

            return true;
        }, iter: 3000);

    [Fact]
    public void A_case_already_holding_facts_takes_the_rest_running_as_the_full_derivation_does() =>
        Histories.Sample(h =>
        {
            var arrived = Arrival(h.Facts, h.Seed);
            var facts = arrived.Take(arrived.Count / 2).ToList();
            var running = new RunningDerivation(facts);
            var booked = new Dictionary<CounterKey, CaseCounts>(CaseTimeline.Derive(facts).Timeline);
            running.BookPending(booked, negate: true);
            foreach (var fact in arrived.Skip(facts.Count))
            {
                if (facts.Count > 0 && !running.Holds(facts[0].EventId, facts) || running.Holds(fact.EventId, facts)) return false;
                facts.Add(fact);
                running.Add(fact, facts, booked);
            }

            running.BookPending(booked, negate: false);
            return Same(booked, CaseTimeline.Derive(facts).Timeline) && Text(running.Result()) == Text(CaseTimeline.Derive(facts));
        }, iter: 3000);

    [Fact]
    public void Case_writes_kept_running_give_the_counter_rows_and_the_file_of_deriving_each_write_again() =>
        Histories.Sample(h =>
        {
            var events = Log(h.Facts, h.Seed);
            var (runningRows, runningFile) = Written(new CaseWrites(), events);
            var (replayedRows, replayedFile) = Written(new CaseWrites(replayEachWrite: true), events);
            return Same(runningRows, replayedRows) && runningFile == replayedFile;
        }, iter: 3000);

    /// <summary>
    /// The case's log: its rows in their arrival writes (events of one write share the recorded instant), the judge's charges
    /// between writes, and now and then a row delivered again in a later write.
    /// </summary>
    private static List<IEvent> Log(CaseFact[] facts, int seed)
    {
        var random = new Random(seed);
        var stream = Guid.Parse("00000000-0000-0000-0000-00000000c0de");
        var log = new List<IEvent>();
        var arrived = Arrival(facts, seed);
        foreach (var fact in arrived)
        {
            log.Add(Logged(stream, CaseEvents.Of("C1", fact), fact.RecordedAt));
            if (random.Next(5) == 0)
                log.Add(Logged(stream, new ReplyDeadlineMissed("C1", Units[random.Next(2)], fact.At, Guid.NewGuid()), fact.RecordedAt.AddMinutes(1)));
            if (random.Next(6) == 0)
            {
                var again = arrived[random.Next(arrived.IndexOf(fact) + 1)];
                log.Add(Logged(stream, CaseEvents.Of("C1", again), fact.RecordedAt.AddMinutes(2)));
            }
        }

        return log;
    }

    private static IEvent Logged<T>(Guid stream, T data, DateTimeOffset recordedAt) where T : notnull =>
        new Event<T>(data) { StreamId = stream, Timestamp = recordedAt };

    /// <summary>The counter rows summed by key and recorded instant, and the finished file as it would be stored.</summary>
    private static (Dictionary<(CounterKey, DateTimeOffset), CaseCounts> Rows, string File) Written(CaseWrites writes, List<IEvent> events)
    {
        var file = new CaseFile { Id = events[0].StreamId, CaseNumber = "C1" };
        foreach (var e in events) writes.Apply(file, e);
        writes.EndWrite();
        file.Refresh(writes.Forget(file));
        var rows = new Dictionary<(CounterKey, DateTimeOffset), CaseCounts>();
        foreach (var (key, counts, at) in writes.Rows)
        {
            var sum = rows.TryGetValue((key, at), out var had) ? had + counts : counts;
            if (sum.IsZero) rows.Remove((key, at));
            else rows[(key, at)] = sum;
        }

        return (rows, JsonSerializer.Serialize(file));
    }

    private static bool Same<TKey>(IReadOnlyDictionary<TKey, CaseCounts> a, IReadOnlyDictionary<TKey, CaseCounts> b) where TKey : notnull =>
        a.Count == b.Count && a.All(x => b.TryGetValue(x.Key, out var y) && x.Value == y);

    /// <summary>Everything a derivation answers but its timeline (compared as counts), in one comparable text.</summary>
    private static string Text(CaseDerivation d) =>
        $"{d.IsAssigned}|{d.Year}|{d.UnitId}|{d.PersonId}|{d.Completed}|{d.CompletionDueAt:O}|{d.CurrentObligation}|{string.Join(",", d.Obligations)}|" +
        string.Join(";", d.Timeline.OrderBy(x => x.Key.ToString(), StringComparer.Ordinal).Select(x => $"{x.Key}={x.Value}"));
}
