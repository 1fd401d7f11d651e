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
