namespace Hotline.Ledger.Cases;

/// <summary>
/// A case's derivation kept from one fact to the next (ADR 0198), rather than taken again from all its facts at each write.
/// A fact that comes after every fact the case holds, in the platform's order — nearly every fact, as the log gives them —
/// is one more step of the kept run: its work does not grow with the case. Any other fact (a row that arrives late, the
/// first assignment) takes the whole derivation again, as <see cref="CaseTimeline.Derive"/> would. The deadline still
/// pending after the last fact passes only in what is answered (<see cref="BookPending"/>, <see cref="Result"/>), never
/// in the run, so that more facts can follow. What each fact changes in the case's timeline is booked as it is made.
/// </summary>
internal sealed class RunningDerivation
{
    // A case's few facts are looked through for an event id; from this many on, the ids are kept in a set.
    private const int LookThrough = 8;
    private HashSet<string>? _ids;
    private CaseTimeline.Run? _run;
    private CaseFact? _last;

    /// <summary>The derivation of the facts a case holds already (none, in a rebuild).</summary>
    public RunningDerivation(IReadOnlyList<CaseFact> facts)
    {
        foreach (var fact in facts)
            if (_last is null || CaseTimeline.InPlatformOrder(_last, fact) < 0) _last = fact;
        if (facts.Count > LookThrough) _ids = facts.Select(f => f.EventId).ToHashSet();

        if (facts.Count > 0) _run = CaseTimeline.Replay(facts);
    }

    /// <summary>Whether the case, whose facts are <paramref name="facts"/>, holds the platform's event already.</summary>
    public bool Holds(string eventId, IReadOnlyList<CaseFact> facts)
    {
        if (_ids is not null) return _ids.Contains(eventId);
        foreach (var fact in facts)
            if (fact.EventId == eventId) return true;
        return false;
    }

    /// <summary>
    /// Takes in a fact just added to <paramref name="facts"/> (the case's own list, which this reads only when it must derive
    /// again), and books what it changes in the case's timeline into <paramref name="changes"/>.
    /// </summary>
    public void Add(CaseFact fact, IReadOnlyList<CaseFact> facts, IDictionary<CounterKey, CaseCounts> changes)
    {
        if (_ids is not null) _ids.Add(fact.EventId);
        else if (facts.Count > LookThrough) _ids = facts.Select(f => f.EventId).ToHashSet();
        var next = _last is null || CaseTimeline.InPlatformOrder(_last, fact) < 0;
        if (next) _last = fact;
        if (next && _run is not null)
        {
            _run.Append(fact, changes);
            return;
        }

        if (facts.Count == 1 && CaseTimeline.IsAssignment(fact))
        {
            // The usual start of a case: its assignment first, nothing before it to take again.
            _run = new CaseTimeline.Run(fact.At);
            _run.Append(fact, changes);
            return;
        }

        // Without an assignment nothing is derived: facts wait for it, and take effect with it.
        if (_run is null && !CaseTimeline.IsAssignment(fact)) return;
        var again = CaseTimeline.Replay(facts)!;
        foreach (var (key, counts) in again.Timeline) CaseTimeline.Add(changes, key, counts);
        if (_run is not null)
            foreach (var (key, counts) in _run.Timeline) CaseTimeline.Add(changes, key, -counts);
        _run = again;
    }

    /// <summary>What the pending deadline's passing adds to the timeline, added to (or, <paramref name="negate"/>d, taken from) <paramref name="into"/>.</summary>
    public void BookPending(IDictionary<CounterKey, CaseCounts> into, bool negate) => _run?.BookPending(into, negate);

    /// <summary>The derivation of every fact taken in, as <see cref="CaseTimeline.Derive"/> answers it.</summary>
    public CaseDerivation Result() =>
        _run?.ResultWithPendingPassed() ?? new CaseDerivation(false, null, null, null, false, null, null, [], new Dictionary<CounterKey, CaseCounts>());
}
