namespace Hotline.Ledger.Evaluation.Sheets;

/// <summary>
/// A published table of scores: every unit and every individual at one point on both clocks, with the
/// query that produced it. Circulars and year-end evaluations are made of one (ADR 0031). Its canonical
/// JSON is hashed; the same query over the same ledger gives the same bytes.
/// </summary>
public sealed record ScoreSheet(
    int Year,
    DateOnly AsOf,
    DateTimeOffset KnownAt,
    long LastSequence,
    string Rulebook,
    string? Digest,
    IReadOnlyList<SheetClause> Clauses,
    IReadOnlyList<SheetUnit> Units,
    IReadOnlyList<SheetPerson> People);

/// <summary>A criterion the sheet scores: leaves carry points; headings (U1–U4) carry their parts' sum.</summary>
public sealed record SheetClause(string Code, string Title, string AppliesTo, decimal MaxPoints, string? Parent, bool Heading, string? TitleEn = null);

public sealed record SheetScore(string Clause, decimal? Points);

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
