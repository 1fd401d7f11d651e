using Hotline.Ledger.Entries;

namespace Hotline.Ledger.Appeals;

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
