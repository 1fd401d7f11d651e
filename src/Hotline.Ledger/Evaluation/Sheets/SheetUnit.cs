namespace Hotline.Ledger.Evaluation.Sheets;

public sealed record SheetUnit(
    int Rank,
    Guid UnitId,
    string Code,
    string Name,
    decimal Total,
    decimal CriteriaTotal,
    decimal BonusTotal,
    decimal DeductionTotal,
    string? Grade,
    IReadOnlyList<SheetScore> Subtotals,
    IReadOnlyList<SheetScore> Criteria,
    IReadOnlyList<SheetDeduction> Deductions);
