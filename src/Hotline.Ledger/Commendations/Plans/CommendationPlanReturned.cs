namespace Hotline.Ledger.Commendations.Plans;

public sealed record CommendationPlanReturned(Guid PlanId, string Comments, string ReturnedBy);
