namespace Hotline.Ledger.Commendations.Review;

/// <summary>The office's shortlist: units and individuals among the candidates, each with the review's reason.</summary>
public sealed record DraftShortlist(IReadOnlyList<UnitPick>? Units, IReadOnlyList<PersonPick>? People);
