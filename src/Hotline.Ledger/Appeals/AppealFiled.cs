using Hotline.Ledger.Entries;

namespace Hotline.Ledger.Appeals;

/// <summary>
/// A unit contests one of its entries (<see cref="EntryId"/>) or a criterion's score for a year. Starts
/// the appeal's own stream. <see cref="Subject"/> is the one key per contested matter (ADR 0030).
/// </summary>
public sealed record AppealFiled(
    Guid AppealId,
    string Subject,
    Guid? EntryId,
    string Rulebook,
    string Clause,
    Guid UnitId,
    Guid? PersonId,
    int Year,
    DateOnly ContestedOn,
    decimal? ContestedPoints,
    string Reason,
    IReadOnlyList<EvidenceItem> Evidence,
    DateOnly WindowClosesOn,
    string FiledBy);
