using Hotline.Ledger.Appeals;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evidence;

/// <summary>
/// One line of the evidence trail, as the ledger knew it at knownAt: an entry, a mark, or a step of an
/// appeal ("appeal" when filed, "appealDecision" when decided; ADR 0032). <see cref="EntryId"/> names the
/// contested entry on appeal rows; <see cref="AppealId"/> the appeal that rescinded, re-recorded or
/// re-marked an entry or mark, or the appeal itself. <see cref="UnitName"/> and <see cref="PersonName"/> stand beside
/// their ids so that a reader need not look each one up (filled in by <see cref="Named"/>).
/// </summary>
public sealed record EvidenceRow(
    string What,
    Guid Id,
    string Clause,
    decimal Points,
    Guid? UnitId,
    string? UnitName,
    Guid? PersonId,
    string? PersonName,
    DateOnly OccurredOn,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string Reason,
    IReadOnlyList<EvidenceItem> Evidence,
    string Status,
    Rescission? Rescission,
    string? CaseNumber,
    bool Automatic,
    int? Year,
    Guid? EntryId = null,
    Guid? AppealId = null,
    string? Month = null)
{
    public static EvidenceRow Of(Entry e, DateTimeOffset knownAt)
    {
        // A rescission recorded after knownAt has not happened yet in this answer.
        var rescission = e.Rescission is { } r && r.RescindedAt <= knownAt ? r : null;
        return new("entry", e.Id, e.Clause, e.Points, e.UnitId, null, e.PersonId, null, e.OccurredOn, e.RecordedAt, e.RecordedBy,
            e.Reason, e.Evidence, StatusWord.Of(rescission is null ? EntryStatus.Active : EntryStatus.Rescinded), rescission, e.CaseNumber, e.Automatic, e.Year,
            AppealId: e.AppealId ?? rescission?.AppealId, Month: e.Month);
    }

    /// <summary>The appeal's steps known at knownAt: its filing, and its decision once recorded.</summary>
    public static IEnumerable<EvidenceRow> Of(Appeal a, DateTimeOffset knownAt)
    {
        yield return new("appeal", a.Id, a.Clause, a.ContestedPoints ?? 0m, a.UnitId, null, a.PersonId, null, a.ContestedOn, a.FiledAt, a.FiledBy,
            a.Reason, a.Evidence, Appeal.Word(a.StatusAt(knownAt)), null, null, false, a.Year, a.EntryId, a.Id);
        if (a.Decision is { } d && d.DecidedAt <= knownAt)
        {
            yield return new("appealDecision", a.Id, a.Clause, d.CorrectedPoints ?? 0m, a.UnitId, null, a.PersonId, null, a.ContestedOn, d.DecidedAt,
                d.DecidedBy, d.Reason, [], d.Outcome, null, null, false, a.Year, a.EntryId, a.Id);
        }
    }

    public static EvidenceRow Of(Mark m) => new(
        "mark", m.Id, m.Clause, m.Points,
        m.SubjectKind == SubjectKind.Unit ? m.SubjectId : null, null,
        m.SubjectKind == SubjectKind.Person ? m.SubjectId : null, null,
        m.MarkedOn, m.RecordedAt, m.Scorer, m.Reason, [], StatusWord.Of(EntryStatus.Active), null, null, false, m.Year, AppealId: m.AppealId);

    /// <summary>The row with the names of its unit and person, as registered.</summary>
    public EvidenceRow Named(IReadOnlyDictionary<Guid, string> units, IReadOnlyDictionary<Guid, string> people) => this with
    {
        UnitName = UnitId is { } u ? units.GetValueOrDefault(u) : null,
        PersonName = PersonId is { } p ? people.GetValueOrDefault(p) : null,
    };
}
