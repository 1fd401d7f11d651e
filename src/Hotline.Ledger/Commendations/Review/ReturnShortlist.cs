namespace Hotline.Ledger.Commendations.Review;

public sealed record ReturnShortlist(string Comments);
