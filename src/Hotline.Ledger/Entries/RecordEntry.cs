namespace Hotline.Ledger.Entries;

/// <summary>A bonus or deduction as the office submits it. <see cref="Points"/> is the magnitude chosen.</summary>
public sealed record RecordEntry(
    string Clause,
    Guid UnitId,
    Guid? PersonId,
    DateOnly OccurredOn,
    decimal? Points,
    string Reason,
    IReadOnlyList<EvidenceItem>? Evidence,
    string? CaseNumber);
