using Hotline.Ledger.Entries;

namespace Hotline.Ledger.Appeals;

/// <summary>
/// An appeal against an entry (<see cref="EntryId"/>), or against a criterion's score for a year
/// (<see cref="Criterion"/> with <see cref="UnitId"/> and <see cref="Year"/>): one or the other.
/// </summary>
public sealed record FileAppeal(
    Guid? EntryId,
    string? Criterion,
    Guid? UnitId,
    int? Year,
    string Reason,
    IReadOnlyList<EvidenceItem>? Evidence);
