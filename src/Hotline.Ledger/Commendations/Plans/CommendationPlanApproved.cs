namespace Hotline.Ledger.Commendations.Plans;

/// <summary>A leader approves the plan: its terms are final and units may apply within the window.</summary>
public sealed record CommendationPlanApproved(Guid PlanId, string ApprovedBy);
