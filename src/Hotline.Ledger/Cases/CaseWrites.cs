namespace Hotline.Ledger.Cases;

/// <summary>
/// The case files' derivation of case events taken in log order — the one both rebuild paths of the case
/// projection share (<see cref="CaseFileProjection"/> page by page, <see cref="CaseRebuild"/> in one pass).
/// Each event is read back as its fact (<see cref="CaseEvents.FactOf"/>), each D3.1 charge from its
/// <see cref="ReplyDeadlineMissed"/>. Events the feed appended in one write share its recorded instant and
/// follow each other in the log; for each such write, as the feed did, every case it touched adds its
/// timeline after the write minus its timeline before, stamped with that instant. The counter rows therefore
/// sum, for every (subject, year, day, recorded instant), to exactly what the feed wrote.
/// A fact or charge the file already holds (by the platform's event id, by the charge's entry) is skipped:
/// applying events the feed or the judge has already written into the file adds nothing.
/// <para>Each touched case's derivation is kept running from fact to fact (<see cref="RunningDerivation"/>, ADR 0198): a
/// write's difference is what its facts book as they are taken in, with the pending deadline's passing taken off before
/// and put back after. <paramref name="replayEachWrite"/> derives each touched case again from all its facts after each
/// write instead, as before ADR 0198: the baseline the rebuild's trace measures it against.</para>
/// </summary>
internal sealed class CaseWrites(bool replayEachWrite = false)
{
    private readonly Dictionary<Guid, RunningDerivation> _running = [];
    private readonly Dictionary<Guid, CaseFile> _touched = [];
    private readonly Dictionary<CounterKey, CaseCounts> _changes = [];
    // The baseline only: each file's derivation before the open write, and after its last one (ADR 0207).
    private readonly Dictionary<Guid, CaseDerivation> _before = [];
    private readonly Dictionary<Guid, CaseDerivation> _derived = [];
    private DateTimeOffset? _write;

    public List<(CounterKey Key, CaseCounts Counts, DateTimeOffset RecordedAt)> Rows { get; } = [];

    /// <summary>The case event types the projection reads; any other event is not its business.</summary>
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(CaseAssigned), typeof(CaseSignedFor), typeof(CaseReturned), typeof(CaseReassigned), typeof(CaseExtensionRequested),
        typeof(CaseExtensionGranted), typeof(CaseReplied), typeof(CaseExplained), typeof(CaseCompleted), typeof(CaseReturnVisited),
        typeof(CaseVotedOnline), typeof(CaseReopened), typeof(ReplyDeadlineMissed),
    ];

    /// <summary>
    /// Applies one event to its file; answers whether the file changed. A fact that starts another write ends the
    /// open one first (<paramref name="ended"/> receives the files that write touched).
    /// </summary>
    public bool Apply(CaseFile file, IEvent e, List<Guid>? ended = null)
    {
        if (e.Data is ReplyDeadlineMissed missed)
        {
            // The deadline judge's write: a charge on the file, no counters (a deadline is a step of the facts' own timeline).
            if (file.Charges.Any(c => c.EntryId == missed.EntryId)) return false;
            file.Charges.Add(new ReplyCharge(missed.UnitId, missed.DueAt, missed.EntryId));
            return true;
        }

        if (CaseEvents.FactOf(e.Data, e.Timestamp) is not { } fact) return false;
        var running = replayEachWrite ? null : Running(file);
        if (running?.Holds(fact.EventId, file.Facts) ?? file.Facts.Any(f => f.EventId == fact.EventId)) return false;
        if (_write != e.Timestamp) EndWrite(ended);
        _write = e.Timestamp;
        if (_touched.TryAdd(file.Id, file))
        {
            // The write's difference starts from the timeline before it, whose last step is the pending deadline's passing.
            if (running is not null) running.BookPending(_changes, negate: true);
            else _before[file.Id] = _derived.Remove(file.Id, out var known) ? known : file.Derive();
        }

        file.Facts.Add(fact);
        running?.Add(fact, file.Facts, _changes);
        return true;
    }

    /// <summary>The open write is over: what it changed in each case's timeline becomes counter rows stamped with its instant.</summary>
    public void EndWrite(List<Guid>? ended = null)
    {
        if (_write is not { } at || _touched.Count == 0) return;
        foreach (var file in _touched.Values)
        {
            if (!replayEachWrite)
            {
                _running[file.Id].BookPending(_changes, negate: false);
                continue;
            }

            var after = file.Derive();
            CaseTimeline.AddDifference(_changes, _before[file.Id], after);
            _derived[file.Id] = after;
        }

        foreach (var (key, counts) in _changes) Rows.Add((key, counts, at));
        _changes.Clear();
        _before.Clear();
        ended?.AddRange(_touched.Keys);
        _touched.Clear();
    }

    /// <summary>Whether the open write touched the file (its counters are not in yet).</summary>
    public bool IsOpen(Guid id) => _touched.ContainsKey(id);

    /// <summary>The file as its facts add up (kept running, or remembered from its last write), and forgotten here.</summary>
    public CaseDerivation Forget(CaseFile file)
    {
        if (_running.Remove(file.Id, out var running)) return running.Result();
        return _derived.Remove(file.Id, out var known) ? known : file.Derive();
    }

    private RunningDerivation Running(CaseFile file)
    {
        if (!_running.TryGetValue(file.Id, out var running)) _running[file.Id] = running = new RunningDerivation(file.Facts);
        return running;
    }
}
