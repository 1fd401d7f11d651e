using CsCheck;
using Hotline.Ledger.Cases;
using Hotline.Ledger.Time;

namespace Hotline.Ledger.Tests.Cases;

/// <summary>
/// The derivation the rate counters rest on (ADR 0020, ADR 0021), checked on random case histories:
/// arrival order does not matter, batches add up to the whole, and a day's state depends only on facts
/// stamped by then.
/// </summary>
[Trait("Category", "Domain")]
public class CaseTimelineProperties
{
    private static readonly Guid[] Units = [Guid.Parse("00000000-0000-0000-0000-0000000000a1"), Guid.Parse("00000000-0000-0000-0000-0000000000a2")];
    private static readonly Guid[] People = [Guid.Parse("00000000-0000-0000-0000-0000000000b1"), Guid.Parse("00000000-0000-0000-0000-0000000000b2")];
    private static readonly DateTimeOffset Start = new(2021, 3, 1, 1, 0, 0, TimeSpan.Zero);

    /// <summary>A case history: facts with distinct instants, and a seed that decides arrival order and batches.</summary>
    private static readonly Gen<(CaseFact[] Facts, int Seed)> Histories =
        Gen.Select(Gen.Select(Gen.Int[0, 11], Gen.Int[0, 3000], Gen.Int[0, 3], Gen.Int[1, 96]).Array[1, 14], Gen.Int)
            .Select((rows, seed) => (rows.Select((r, i) => Fact(i, r.Item1, r.Item2, r.Item3, r.Item4)).ToArray(), seed));

    private static CaseFact Fact(int i, int type, int minutes, int pick, int dueHours)
    {
        var kind = (CaseEventType)type;
        var at = Start.AddMinutes(minutes * 16 + i); // distinct instants
        var assigns = kind is CaseEventType.Assigned or CaseEventType.Reassigned;
        return new CaseFact($"E{i:D2}", kind, at, Start,
            UnitId: assigns ? Units[pick % 2] : null,
            PersonId: assigns && pick < 2 ? People[pick] : null,
            ReplyDueAt: assigns || kind == CaseEventType.ExtensionGranted ? at.AddHours(dueHours) : null,
            Result: kind switch
            {
                CaseEventType.ReturnVisit => (CaseResult)pick,
                CaseEventType.OnlineVote => pick % 2 == 0 ? CaseResult.Satisfied : CaseResult.Dissatisfied,
                _ => null,
            });
    }

    private static List<CaseFact> Arrival(CaseFact[] facts, int seed)
    {
        var random = new Random(seed);
        return facts.OrderBy(_ => random.Next()).Select((f, n) => f with { RecordedAt = Start.AddDays(30).AddMinutes(n) }).ToList();
    }

    private static Dictionary<CounterKey, CaseCounts> Sum(IEnumerable<KeyValuePair<CounterKey, CaseCounts>> rows)
    {
        var sum = new Dictionary<CounterKey, CaseCounts>();
        foreach (var (key, counts) in rows)
        {
            var total = sum.TryGetValue(key, out var had) ? had + counts : counts;
            if (total.IsZero) sum.Remove(key);
            else sum[key] = total;
        }

        return sum;
    }

    private static bool Same(IReadOnlyDictionary<CounterKey, CaseCounts> a, IReadOnlyDictionary<CounterKey, CaseCounts> b) =>
        a.Count == b.Count && a.All(x => b.TryGetValue(x.Key, out var y) && x.Value == y);

    [Fact]
    public void The_order_in_which_rows_arrive_does_not_change_the_timeline() =>
        Histories.Sample(h =>
            Same(CaseTimeline.Derive(h.Facts).Timeline, CaseTimeline.Derive(Arrival(h.Facts, h.Seed)).Timeline));

    [Fact]
    public void The_differences_written_batch_by_batch_add_up_to_the_whole_timeline() =>
        Histories.Sample(h =>
        {
            var arrived = Arrival(h.Facts, h.Seed);
            var random = new Random(h.Seed);
            var counters = new Dictionary<CounterKey, CaseCounts>();
            var known = new List<CaseFact>();
            var before = CaseTimeline.Derive(known);
            while (known.Count < arrived.Count)
            {
                known.AddRange(arrived.Skip(known.Count).Take(random.Next(1, 4)));
                var after = CaseTimeline.Derive(known);
                CaseTimeline.AddDifference(counters, before, after);
                before = after;
            }

            return Same(Sum(counters), Sum(CaseTimeline.Derive(h.Facts).Timeline));
        });

    [Fact]
    public void A_days_state_depends_only_on_the_facts_stamped_by_its_end() =>
        Histories.Sample(h =>
        {
            var whole = CaseTimeline.Derive(h.Facts).Timeline;
            return h.Facts.Select(f => OfficeCalendar.DateOf(f.At)).Distinct().All(day =>
            {
                var prefix = CaseTimeline.Derive(h.Facts.Where(f => OfficeCalendar.DateOf(f.At) <= day)).Timeline;
                return Same(Sum(whole.Where(x => x.Key.On <= day)), Sum(prefix.Where(x => x.Key.On <= day)));
            });
        });
}
