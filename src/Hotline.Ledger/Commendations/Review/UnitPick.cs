namespace Hotline.Ledger.Commendations.Review;

public sealed record UnitPick(Guid UnitId, string? Reason);
