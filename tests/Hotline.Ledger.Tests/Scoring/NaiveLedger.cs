using System.Text.Json;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using JasperFx.Events;
using Marten;

namespace Hotline.Ledger.Tests.Scoring;

/// <summary>
/// The oracle: a deliberately naive evaluator that reads every raw event and replays them in order
/// for each question. It shares no code with the read models or the scorecard; every fast path must
/// agree with it.
/// </summary>
public sealed class NaiveLedger(IReadOnlyList<IEvent> events)
{
    public static async Task<NaiveLedger> Load(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var all = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        return new NaiveLedger(all);
    }

    public IReadOnlyList<IEvent> Events => events;

    public sealed record Answer(decimal CriteriaTotal, decimal BonusTotal, decimal DeductionTotal, decimal Total, SortedSet<Guid> Entries, SortedDictionary<string, decimal> Criteria);

    public Answer Score(bool isUnit, Guid subject, int year, DateOnly asOf, DateTimeOffset knownAt)
    {
        var entries = new Dictionary<Guid, EntryRecorded>();
        var rescinded = new HashSet<Guid>();
        var marks = new List<MarkRecorded>();
        foreach (var e in events)
        {
            if (e.Timestamp > knownAt) continue;
            switch (e.Data)
            {
                case EntryRecorded r: entries[r.EntryId] = r; break;
                case EntryRescinded r: rescinded.Add(r.EntryId); break;
                case MarkRecorded m: marks.Add(m); break;
            }
        }

        var counted = entries.Values
            .Where(r => !rescinded.Contains(r.EntryId))
            .Where(r => isUnit ? r.UnitId == subject : r.PersonId == subject)
            .Where(r => r.OccurredOn.Year == year && r.OccurredOn <= asOf)
            .ToList();

        var criteria = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var kind = isUnit ? SubjectKind.Unit : SubjectKind.Person;
        foreach (var group in marks.Where(m => m.SubjectKind == kind && m.SubjectId == subject && m.Year == year && m.MarkedOn <= asOf).GroupBy(m => m.Clause))
        {
            // Later in the replay = later recorded. I8 is the one collective criterion of the measures.
            criteria[group.Key] = group.Key == "I8"
                ? Math.Round(group.GroupBy(m => m.Scorer).Select(s => s.Last().Points).Average(), 2, MidpointRounding.AwayFromZero)
                : group.Last().Points;
        }

        // I7 is computed from complaints (D1 entries) this year: none 10, one 5, more 0 (ADR 0022).
        if (!isUnit)
        {
            var complaints = counted.Count(r => r.Clause == "D1");
            criteria["I7"] = complaints == 0 ? 10m : complaints == 1 ? 5m : 0m;
        }

        var criteriaTotal = criteria.Values.Sum();
        var bonus = counted.Where(r => r.Points > 0).Sum(r => r.Points);
        var deduction = counted.Where(r => r.Points < 0).Sum(r => r.Points);
        return new Answer(criteriaTotal, bonus, deduction, criteriaTotal + bonus + deduction,
            new SortedSet<Guid>(counted.Select(r => r.EntryId)), criteria);
    }

    /// <summary>The units registered at or before <paramref name="knownAt"/>: a ranking then knows no others.</summary>
    public SortedSet<Guid> UnitsKnownAt(DateTimeOffset knownAt) =>
        new(events.Where(e => e.Timestamp <= knownAt).Select(e => e.Data).OfType<UnitRegistered>().Select(u => u.UnitId));

    public static Answer FromApi(JsonElement card) => new(
        card.GetProperty("criteriaTotal").GetDecimal(),
        card.GetProperty("bonusTotal").GetDecimal(),
        card.GetProperty("deductionTotal").GetDecimal(),
        card.GetProperty("total").GetDecimal(),
        new SortedSet<Guid>(card.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid())),
        new SortedDictionary<string, decimal>(
            card.GetProperty("criteria").EnumerateArray()
                .Where(c => c.GetProperty("points").ValueKind != JsonValueKind.Null)
                .ToDictionary(c => c.GetProperty("clause").GetString()!, c => c.GetProperty("points").GetDecimal()),
            StringComparer.Ordinal));
}
