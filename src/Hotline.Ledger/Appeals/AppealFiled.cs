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

/// <summary>
/// The office's decision, recorded in the same transaction as its compensating events: the entry it
/// rescinded, the corrected entry it recorded, or the mark it gave a contested criterion.
/// </summary>
public sealed record AppealDecided(
    Guid AppealId,
    string Outcome,
    string Reason,
    decimal? CorrectedPoints,
    Guid? RescindedEntryId,
    Guid? CorrectionEntryId,
    Guid? MarkId,
    string DecidedBy);
