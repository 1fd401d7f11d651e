namespace Hotline.Ledger.Evaluation.Sheets;

public sealed record SheetPerson(
    int Rank,
    Guid PersonId,
    string Name,
    Guid UnitId,
    string UnitCode,
    string UnitName,
    decimal Total,
    decimal CriteriaTotal,
    decimal BonusTotal,
    decimal DeductionTotal,
    string? Grade,
    IReadOnlyList<SheetScore> Criteria,
    IReadOnlyList<SheetDeduction> Deductions);
