namespace Hotline.Ledger.Commendations.Plans;

/// <summary>The office changes the terms (after a return, or before submitting).</summary>
public sealed record CommendationPlanRevised(Guid PlanId, PlanTerms Terms, string RevisedBy);
