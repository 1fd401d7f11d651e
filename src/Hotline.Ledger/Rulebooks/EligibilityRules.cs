namespace Hotline.Ledger.Rulebooks;

/// <summary>
/// Who may be shortlisted for commendation (S3), judged on the approved year-end result: a minimum
/// total, a minimum grade band, and deduction clauses that bar anyone who incurred one in the year.
/// Every part is optional; an absent part does not restrict (ADR 0052).
/// </summary>
public sealed record EligibilityRules(decimal? MinTotal = null, string? MinGrade = null, IReadOnlyList<string>? BarredBy = null);
