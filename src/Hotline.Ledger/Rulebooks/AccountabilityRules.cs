namespace Hotline.Ledger.Rulebooks;

/// <summary>
/// When the office refers a unit or an individual to the supervisory organ (S4): any counted deduction
/// under one of <see cref="Clauses"/> (the serious ones: D2, D3.2), or deductions of the year that
/// reach <see cref="DeductionThreshold"/> points in magnitude (ADR 0053).
/// </summary>
public sealed record AccountabilityRules(IReadOnlyList<string>? Clauses = null, decimal? DeductionThreshold = null);
