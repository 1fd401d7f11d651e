namespace Hotline.Ledger.Evaluation.Sheets;

/// <summary>A deduction that counted, with its cause: the entry, the case or month, and the reason.</summary>
public sealed record SheetDeduction(
    Guid EntryId,
    string Clause,
    decimal Points,
    DateOnly OccurredOn,
    DateTimeOffset RecordedAt,
    string Reason,
    string? CaseNumber,
    string? Month,
    Guid UnitId,
    Guid? PersonId,
    bool Automatic,
    Guid? AppealId);
