namespace Hotline.Ledger.Rulebooks;

/// <summary>
/// Who may be shortlisted for commendation (S3), judged on the approved year-end result: a minimum
/// total, a minimum grade band, and deduction clauses that bar anyone who incurred one in the year.
/// Every part is optional; an absent part does not restrict (ADR 0052).
/// </summary>
public sealed record EligibilityRules(decimal? MinTotal = null, string? MinGrade = null, IReadOnlyList<string>? BarredBy = null);

/// <summary>
/// The rulebook's commendation section: the default number of individuals a unit may nominate
/// (<see cref="NominationsPerUnit"/>, a plan may set its own) and the eligibility of units and people.
/// </summary>
public sealed record CommendationRules(int? NominationsPerUnit = null, EligibilityRules? Units = null, EligibilityRules? People = null)
{
    /// <summary>The share when neither the rulebook nor the plan names one (ADR 0050).</summary>
    public const int DefaultNominationsPerUnit = 2;

    public int NominationsPerUnitOrDefault() => NominationsPerUnit ?? DefaultNominationsPerUnit;
}

/// <summary>
/// When the office refers a unit or an individual to the supervisory organ (S4): any counted deduction
/// under one of <see cref="Clauses"/> (the serious ones: D2, D3.2), or deductions of the year that
/// reach <see cref="DeductionThreshold"/> points in magnitude (ADR 0053).
/// </summary>
public sealed record AccountabilityRules(IReadOnlyList<string>? Clauses = null, decimal? DeductionThreshold = null);
