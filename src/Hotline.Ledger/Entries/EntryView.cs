using Hotline.Ledger.Security;

namespace Hotline.Ledger.Entries;

public sealed record EntryView(
    Guid Id,
    string Rulebook,
    string Clause,
    Guid UnitId,
    Guid? PersonId,
    DateOnly OccurredOn,
    decimal Points,
    string Reason,
    IReadOnlyList<EvidenceItem> Evidence,
    string? CaseNumber,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    EntryStatus Status,
    bool Automatic,
    string? Month,
    Rescission? Rescission,
    Guid? AppealId) : IViewOf<Entry, EntryView>, IReadSubject
{
    Guid? IReadSubject.UnitId => UnitId;

    // AppealId: the upheld appeal whose correction this entry is, if it is one.
    /// <summary>The entry as the ledger stood at <paramref name="knownAt"/>: a rescission recorded later has not happened yet.</summary>
    public static EntryView AsKnownAt(Entry e, DateTimeOffset knownAt)
    {
        var view = Of(e);
        return e.Rescission is { } r && r.RescindedAt > knownAt ? view with { Status = EntryStatus.Active, Rescission = null } : view;
    }

    static EntryView IViewOf<Entry, EntryView>.Of(Entry entry, IServiceProvider services) => Of(entry);

    public static EntryView Of(Entry e) => new(
        e.Id, e.Rulebook, e.Clause, e.UnitId, e.PersonId, e.OccurredOn, e.Points, e.Reason, e.Evidence,
        e.CaseNumber, e.RecordedAt, e.RecordedBy, e.Status, e.Automatic, e.Month, e.Rescission, e.AppealId);
}
