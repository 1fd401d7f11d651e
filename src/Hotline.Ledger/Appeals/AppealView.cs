using Hotline.Ledger.Ledger.Entries;

namespace Hotline.Ledger.Appeals;

public sealed record AppealView(
    Guid Id,
    string Kind,
    Guid? EntryId,
    string? Criterion,
    string Clause,
    Guid UnitId,
    Guid? PersonId,
    int Year,
    DateOnly ContestedOn,
    decimal? ContestedPoints,
    string Status,
    string Reason,
    IReadOnlyList<EvidenceItem> Evidence,
    DateOnly WindowClosesOn,
    DateTimeOffset FiledAt,
    string FiledBy,
    AppealDecision? Decision)
{
    public static AppealView Of(Appeal a) => new(
        a.Id, a.Kind, a.EntryId, a.EntryId is null ? a.Clause : null, a.Clause, a.UnitId, a.PersonId, a.Year,
        a.ContestedOn, a.ContestedPoints, a.Status, a.Reason, a.Evidence, a.WindowClosesOn, a.FiledAt, a.FiledBy, a.Decision);
}
