namespace Hotline.Ledger.Commendations.Plans;

public sealed record ReturnPlan(string Comments);
