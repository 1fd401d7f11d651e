namespace Hotline.Ledger.Commendations.Plans;

public sealed record CommendationPlanSubmitted(Guid PlanId, string SubmittedBy);
