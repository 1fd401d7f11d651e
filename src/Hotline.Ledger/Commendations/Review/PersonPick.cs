namespace Hotline.Ledger.Commendations.Review;

public sealed record PersonPick(Guid PersonId, string? Reason);
