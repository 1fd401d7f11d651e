namespace Hotline.Ledger.Commendations.Plans;

public sealed record ShortlistReturned(Guid PlanId, string Comments, string ReturnedBy);
