using Hotline.Ledger.Ledger.Entries;
using Hotline.Ledger.Ledger.Marks;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evidence;

/// <summary>One line of the evidence trail: an entry or a mark, as the ledger knew it at knownAt.</summary>
public sealed record EvidenceRow(
    string What,
    Guid Id,
    string Clause,
    decimal Points,
    Guid? UnitId,
    Guid? PersonId,
    DateOnly OccurredOn,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string Reason,
    IReadOnlyList<EvidenceItem> Evidence,
    string Status,
    Rescission? Rescission,
    string? CaseNumber,
    bool Automatic,
    int? Year)
{
    public static EvidenceRow Of(Entry e, DateTimeOffset knownAt)
    {
        // A rescission recorded after knownAt has not happened yet in this answer.
        var rescission = e.Rescission is { } r && r.RescindedAt <= knownAt ? r : null;
        return new("entry", e.Id, e.Clause, e.Points, e.UnitId, e.PersonId, e.OccurredOn, e.RecordedAt, e.RecordedBy,
            e.Reason, e.Evidence, rescission is null ? "active" : "rescinded", rescission, e.CaseNumber, e.Automatic, e.Year);
    }

    public static EvidenceRow Of(Mark m) => new(
        "mark", m.Id, m.Clause, m.Points,
        m.SubjectKind == SubjectKind.Unit ? m.SubjectId : null,
        m.SubjectKind == SubjectKind.Person ? m.SubjectId : null,
        m.MarkedOn, m.RecordedAt, m.Scorer, m.Reason, [], "active", null, null, false, m.Year);
}
