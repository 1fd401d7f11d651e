using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Cases;

public enum ReplyOutcome
{
    /// <summary>Answered by a reply at or before the deadline.</summary>
    Replied,
    /// <summary>Answered at or before the deadline by an explanation (说明原因) or a return (退单): no D3.1, but not a reply.</summary>
    Explained,
    /// <summary>No reply, explanation or granted extension by the deadline, as far as the ledger knows.</summary>
    Unanswered,
    /// <summary>The case went to another unit before the deadline: the obligation left with it.</summary>
    Transferred,
}

/// <summary>
/// A unit's duty to reply to a case by <see cref="DueAt"/> (after any extension granted in time).
/// <see cref="LearnedAt"/> is when the ledger recorded the row that set that deadline.
/// </summary>
public sealed record ReplyObligation(Guid UnitId, DateTimeOffset Since, DateTimeOffset DueAt, ReplyOutcome Outcome, DateTimeOffset? AnsweredAt, DateTimeOffset LearnedAt)
{
    /// <summary>
    /// When the deadline can be judged, before the feed's grace: at the deadline, or, for a deadline the
    /// ledger learned of only after it had passed (history fed in late), when it learned of it — so that
    /// history arriving in several batches is judged whole (ADR 0023).
    /// </summary>
    public DateTimeOffset CheckAt => DueAt > LearnedAt ? DueAt : LearnedAt;
}

/// <summary>What a case's facts add up to: its state now, its reply obligations, and its rate contributions by day.</summary>
public sealed record CaseDerivation(
    bool IsAssigned,
    int? Year,
    Guid? UnitId,
    Guid? PersonId,
    bool Completed,
    DateTimeOffset? CompletionDueAt,
    ReplyObligation? CurrentObligation,
    IReadOnlyList<ReplyObligation> Obligations,
    IReadOnlyDictionary<CounterKey, CaseCounts> Timeline);

/// <summary>
/// Derives a case from its facts (ADR 0020, ADR 0021). Pure and causal: facts are taken in the order of
/// their platform instant <c>at</c>, not of arrival, so a row that arrives late lands where it belongs, and
/// the state at the end of a business day depends only on facts stamped on or before it. Facts stamped
/// before the case's first assignment take effect at the assignment. A reply deadline that passes is
/// itself a step, dated on its own day.
/// </summary>
public static class CaseTimeline
{
    public static CaseDerivation Derive(IEnumerable<CaseFact> facts)
    {
        if (Replay(facts) is not { } run) return new CaseDerivation(false, null, null, null, false, null, null, [], new Dictionary<CounterKey, CaseCounts>());
        run.PassDeadlinesBefore(DateTimeOffset.MaxValue);
        return run.Result();
    }

    /// <summary>
    /// The facts taken in platform order, up to the last one: the derivation but for its last step, the deadline still
    /// pending passing, so that more facts can follow (<see cref="RunningDerivation"/>). Null before any assignment.
    /// </summary>
    internal static Run? Replay(IEnumerable<CaseFact> facts)
    {
        var all = facts.ToList();
        all.Sort(InPlatformOrder);
        var first = all.Find(IsAssignment);
        if (first is null) return null;

        var run = new Run(first.At);
        // The assignment first, then facts stamped before it (taking effect with it), then the rest: a stable re-sort.
        var start = all.IndexOf(first);
        foreach (var fact in all.GetRange(start, 1).Concat(all.GetRange(0, start)).Concat(all.Skip(start + 1))) run.Append(fact, null);
        return run;
    }

    /// <summary>What a write must add to the counters: the new timeline less the old one, zero rows left out.</summary>
    public static void AddDifference(IDictionary<CounterKey, CaseCounts> into, CaseDerivation before, CaseDerivation after)
    {
        foreach (var (key, counts) in after.Timeline) Add(into, key, counts);
        foreach (var (key, counts) in before.Timeline) Add(into, key, -counts);
    }

    internal static void Add(IDictionary<CounterKey, CaseCounts> into, CounterKey key, CaseCounts counts)
    {
        var sum = into.TryGetValue(key, out var had) ? had + counts : counts;
        if (sum.IsZero) into.Remove(key);
        else into[key] = sum;
    }

    internal static bool IsAssignment(CaseFact f) => f.Type is CaseEventType.Assigned or CaseEventType.Reassigned;

    internal static int InPlatformOrder(CaseFact a, CaseFact b)
    {
        var byAt = a.At.CompareTo(b.At);
        if (byAt != 0) return byAt;
        var byRecorded = a.RecordedAt.CompareTo(b.RecordedAt);
        return byRecorded != 0 ? byRecorded : string.CompareOrdinal(a.EventId, b.EventId);
    }

    private sealed class Obligation(Guid unitId, DateTimeOffset since, DateTimeOffset dueAt, DateTimeOffset learnedAt)
    {
        public Guid UnitId { get; } = unitId;
        public DateTimeOffset Since { get; } = since;
        public DateTimeOffset DueAt { get; private set; } = dueAt;
        public DateTimeOffset LearnedAt { get; private set; } = learnedAt;
        public ReplyOutcome? Outcome { get; set; }
        public DateTimeOffset? AnsweredAt { get; set; }
        public bool Pending => Outcome is null;

        public void Move(DateTimeOffset dueAt, DateTimeOffset learnedAt)
        {
            DueAt = dueAt;
            LearnedAt = learnedAt;
        }

        public ReplyObligation Freeze() => new(UnitId, Since, DueAt, Outcome ?? ReplyOutcome.Unanswered, AnsweredAt, LearnedAt);
    }

    internal sealed class Run(DateTimeOffset firstAt)
    {
        private readonly int _year = OfficeCalendar.DateOf(firstAt).Year;
        private readonly Dictionary<CounterKey, CaseCounts> _timeline = [];
        private readonly List<Obligation> _obligations = [];
        private bool _assigned;
        private Guid? _unit;
        private Guid? _person;
        private bool _completed;
        private CaseResult? _visit;
        private int _votes;
        private int _votesSatisfied;
        private DateTimeOffset? _completionDueAt;
        private Obligation? _current;

        private CaseCounts _lastCounts = CaseCounts.Zero;
        private (Guid? Unit, Guid? Person) _lastSubjects;

        public IReadOnlyDictionary<CounterKey, CaseCounts> Timeline => _timeline;

        /// <summary>
        /// One fact as the next step, at its instant or, stamped before the first assignment, at the assignment's; what the
        /// step changes in the timeline is booked into <paramref name="changes"/> too.
        /// </summary>
        public void Append(CaseFact fact, IDictionary<CounterKey, CaseCounts>? changes)
        {
            var effective = fact.At > firstAt ? fact.At : firstAt;
            PassDeadlinesBefore(effective, changes);
            Apply(fact, effective);
            Emit(effective, changes);
        }

        public void Apply(CaseFact f, DateTimeOffset at)
        {
            switch (f.Type)
            {
                case CaseEventType.Assigned or CaseEventType.Reassigned:
                    Assign(f, at);
                    break;
                case CaseEventType.ExtensionGranted:
                    if (_current is { Pending: true } && f.ReplyDueAt is { } due) _current.Move(due, f.RecordedAt);
                    _completionDueAt = f.CompletionDueAt ?? _completionDueAt;
                    break;
                case CaseEventType.Replied:
                    Answer(ReplyOutcome.Replied, f.At);
                    break;
                case CaseEventType.Explained or CaseEventType.Returned:
                    Answer(ReplyOutcome.Explained, f.At);
                    break;
                case CaseEventType.Completed:
                    _completed = true;
                    break;
                case CaseEventType.Reopened:
                    // Handled again: the earlier completion and its return visit no longer stand.
                    _completed = false;
                    _visit = null;
                    break;
                case CaseEventType.ReturnVisit:
                    _visit = f.Result;
                    break;
                case CaseEventType.OnlineVote:
                    _votes++;
                    if (f.Result == CaseResult.Satisfied) _votesSatisfied++;
                    break;
            }
        }

        private void Assign(CaseFact f, DateTimeOffset at)
        {
            var unit = f.UnitId!.Value;
            if (!_assigned)
            {
                _assigned = true;
                _unit = unit;
                _person = f.PersonId;
                _completionDueAt = f.CompletionDueAt;
                if (f.ReplyDueAt is { } due) Start(unit, at, due, f.RecordedAt);
                return;
            }

            _completionDueAt = f.CompletionDueAt ?? _completionDueAt;
            _person = f.PersonId;
            if (unit == _unit)
            {
                // A new handler within the unit: the unit's duty stands, with the new deadline if one is given.
                if (_current is { Pending: true } && f.ReplyDueAt is { } moved) _current.Move(moved, f.RecordedAt);
                else if (_current is null && f.ReplyDueAt is { } due) Start(unit, at, due, f.RecordedAt);
                return;
            }

            var inherited = _current is { Pending: true } ? _current.DueAt : (DateTimeOffset?)null;
            if (_current is { Pending: true }) _current.Outcome = ReplyOutcome.Transferred;
            _unit = unit;
            _current = null;
            if ((f.ReplyDueAt ?? inherited) is { } newDue) Start(unit, at, newDue, f.RecordedAt);
        }

        private void Start(Guid unit, DateTimeOffset at, DateTimeOffset due, DateTimeOffset learnedAt)
        {
            _current = new Obligation(unit, at, due, learnedAt);
            _obligations.Add(_current);
        }

        private void Answer(ReplyOutcome outcome, DateTimeOffset at)
        {
            if (_current is not { Pending: true }) return;
            _current.Outcome = outcome;
            _current.AnsweredAt = at;
        }

        /// <summary>A deadline that falls before the next fact passes first; a fact at the very instant counts as on time.</summary>
        public void PassDeadlinesBefore(DateTimeOffset next, IDictionary<CounterKey, CaseCounts>? changes = null)
        {
            if (_current is not { Pending: true } || _current.DueAt >= next) return;
            _current.Outcome = ReplyOutcome.Unanswered;
            Emit(_current.DueAt > _current.Since ? _current.DueAt : _current.Since, changes);
        }

        /// <summary>
        /// What the derivation's last step — the deadline still pending passing — books, added to (or, <paramref name="negate"/>d,
        /// taken from) <paramref name="into"/> without being taken: the run stays open for the facts that may follow.
        /// </summary>
        public void BookPending(IDictionary<CounterKey, CaseCounts> into, bool negate)
        {
            if (_current is not { Pending: true } || _current.DueAt >= DateTimeOffset.MaxValue) return;
            var at = _current.DueAt > _current.Since ? _current.DueAt : _current.Since;
            Step(into, OfficeCalendar.DateOf(at), Counts(settlePending: true), negate);
        }

        private CaseCounts Counts(bool settlePending = false)
        {
            if (!_assigned) return CaseCounts.Zero;
            var visited = _completed && _visit is not null;
            var settled = _current is { Pending: false } || settlePending && _current is not null;
            return new CaseCounts(
                Assigned: 1,
                Completed: _completed ? 1 : 0,
                Visited: visited ? 1 : 0,
                Satisfied: visited && _visit == CaseResult.Satisfied ? 1 : 0,
                BasicallySatisfied: visited && _visit == CaseResult.BasicallySatisfied ? 1 : 0,
                Dissatisfied: visited && _visit == CaseResult.Dissatisfied ? 1 : 0,
                Unreached: visited && _visit == CaseResult.Unreached ? 1 : 0,
                Votes: _votes,
                VotesSatisfied: _votesSatisfied,
                ReplyDue: settled ? 1 : 0,
                RepliedOnTime: _current?.Outcome == ReplyOutcome.Replied ? 1 : 0);
        }

        /// <summary>Books the change since the last step on the day of <paramref name="at"/>; a case that moved leaves its old subjects whole.</summary>
        private void Emit(DateTimeOffset at, IDictionary<CounterKey, CaseCounts>? changes)
        {
            var counts = Counts();
            var on = OfficeCalendar.DateOf(at);
            Step(_timeline, on, counts, negate: false);
            if (changes is not null) Step(changes, on, counts, negate: false);
            _lastCounts = counts;
            _lastSubjects = (_unit, _person);
        }

        private void Step(IDictionary<CounterKey, CaseCounts> into, DateOnly on, CaseCounts counts, bool negate)
        {
            var subjects = (_unit, _person);
            if (subjects == _lastSubjects)
            {
                Book(into, subjects, on, counts - _lastCounts, negate);
            }
            else
            {
                Book(into, _lastSubjects, on, -_lastCounts, negate);
                Book(into, subjects, on, counts, negate);
            }
        }

        private void Book(IDictionary<CounterKey, CaseCounts> into, (Guid? Unit, Guid? Person) subjects, DateOnly on, CaseCounts delta, bool negate)
        {
            if (delta.IsZero) return;
            if (negate) delta = -delta;
            if (subjects.Unit is { } unit) Add(into, new CounterKey(SubjectKind.Unit, unit, _year, on), delta);
            if (subjects.Person is { } person) Add(into, new CounterKey(SubjectKind.Person, person, _year, on), delta);
        }

        public CaseDerivation Result() => new(
            _assigned, _year, _unit, _person, _completed, _completionDueAt, _current?.Freeze(),
            _obligations.Select(o => o.Freeze()).ToList(), _timeline);

        /// <summary>The derivation as <see cref="Derive"/> answers it, the pending deadline passed in what is answered only.</summary>
        public CaseDerivation ResultWithPendingPassed()
        {
            var timeline = new Dictionary<CounterKey, CaseCounts>(_timeline);
            BookPending(timeline, negate: false);
            return new CaseDerivation(_assigned, _year, _unit, _person, _completed, _completionDueAt, _current?.Freeze(),
                _obligations.Select(o => o.Freeze()).ToList(), timeline);
        }
    }
}
