namespace Hotline.Ledger.Commendations.Plans;

public sealed record ShortlistSubmitted(Guid PlanId, string SubmittedBy);
