using Hotline.Ledger.Cases;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring.Series;

/// <summary>
/// A subject's total on every day of a year, in one pass: the subject's changes are walked in date order and
/// its running sums kept, so a day costs nothing unless something happened on it (then its criteria are scored
/// again, by the scorecard's own code). Each day's total equals the scorecard's at (that day, the same knownAt):
/// the changes must be those a scorecard at the last day would count, on both clocks.
/// </summary>
public sealed class DayByDay(SubjectKind kind, int year, Func<DateOnly, Rulebook> rulebookOn)
{
    private readonly List<CountedEntry> _counted = [];
    private readonly List<Mark> _marks = [];
    private CaseCounts _counts = CaseCounts.Zero;
    private decimal _bonus;
    private decimal _deduction;
    private decimal _criteria;
    private Rulebook? _rulebook;
    private bool _changed = true;

    /// <summary>Takes in what happened on <paramref name="day"/> (changes dated then or earlier, not yet taken) and answers the total that day.</summary>
    public decimal TotalOn(DateOnly day, IEnumerable<DayChange> changes)
    {
        foreach (var change in changes) Take(change);
        var rulebook = rulebookOn(day);
        if (_changed || !ReferenceEquals(rulebook, _rulebook))
        {
            var visible = _marks.Where(m => m.Year == year && m.MarkedOn <= day).ToLookup(m => m.Clause);
            _criteria = Scorecards.Criteria(rulebook, kind, visible, _counts, _counted).Sum(c => c.Points ?? 0m);
            _rulebook = rulebook;
            _changed = false;
        }

        return Scorecards.Bounded(rulebook, _criteria + _bonus + _deduction);
    }

    private void Take(DayChange change)
    {
        if (change.Entry is { } e)
        {
            _counted.Add(e);
            if (e.Points > 0) _bonus += e.Points;
            else _deduction += e.Points;
            // Only a criterion that counts entries (I7) moves with them; the sums above are the rest.
            _changed |= _rulebook is null || CountsEntries(_rulebook);
        }

        if (change.Mark is { } m)
        {
            _marks.Add(m);
            _changed = true;
        }

        if (change.Counts is { } c)
        {
            _counts += c;
            _changed = true;
        }
    }

    private bool CountsEntries(Rulebook rulebook) =>
        _countsEntries.TryGetValue(rulebook, out var known) ? known : _countsEntries[rulebook] =
            rulebook.ScoredCriteria(kind).Any(c => c.Scoring?.Parts.Any(p => p.Input == ScoringInputs.Entries) == true);

    private readonly Dictionary<Rulebook, bool> _countsEntries = new(ReferenceEqualityComparer.Instance);
}
