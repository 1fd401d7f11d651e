namespace Hotline.Ledger.Rulebooks;

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
