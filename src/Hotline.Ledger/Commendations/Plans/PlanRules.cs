namespace Hotline.Ledger.Commendations.Plans;

/// <summary>The rules the plan's review applies, copied from the rulebook when the plan is drafted.</summary>
public sealed record PlanRules(EligibilityRule Units, EligibilityRule People);
