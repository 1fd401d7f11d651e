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
/// </summary>
internal sealed class CaseWrites(bool remember = false)
{
    private readonly Dictionary<Guid, (CaseFile File, CaseDerivation Before)> _touched = [];
    // With every open file in memory (the one-pass rebuild), a file's derivation after one write is its derivation
    // before the next and its last one is what the file is refreshed from: each is computed once (ADR 0207).
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

        if (CaseEvents.FactOf(e.Data, e.Timestamp) is not { } fact || file.Facts.Any(f => f.EventId == fact.EventId)) return false;
        if (_write != e.Timestamp) EndWrite(ended);
        _write = e.Timestamp;
        if (!_touched.ContainsKey(file.Id)) _touched[file.Id] = (file, _derived.Remove(file.Id, out var known) ? known : file.Derive());
        file.Facts.Add(fact);
        return true;
    }

    /// <summary>The open write is over: what it changed in each case's timeline becomes counter rows stamped with its instant.</summary>
    public void EndWrite(List<Guid>? ended = null)
    {
        if (_write is not { } at || _touched.Count == 0) return;
        var changes = new Dictionary<CounterKey, CaseCounts>();
        foreach (var (file, before) in _touched.Values)
        {
            var after = file.Derive();
            CaseTimeline.AddDifference(changes, before, after);
            if (remember) _derived[file.Id] = after;
        }

        foreach (var (key, counts) in changes) Rows.Add((key, counts, at));
        ended?.AddRange(_touched.Keys);
        _touched.Clear();
    }

    /// <summary>Whether the open write touched the file (its counters are not in yet).</summary>
    public bool IsOpen(Guid id) => _touched.ContainsKey(id);

    /// <summary>The file as its facts add up (remembered from its last write when this remembers), and forgotten here.</summary>
    public CaseDerivation Forget(CaseFile file) => _derived.Remove(file.Id, out var known) ? known : file.Derive();
}
