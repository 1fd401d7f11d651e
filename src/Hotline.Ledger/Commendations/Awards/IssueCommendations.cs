namespace Hotline.Ledger.Commendations.Awards;

/// <summary>The commendations of a plan whose shortlist is approved, under the issuing document's number (文号) and date.</summary>
public sealed record IssueCommendations(Guid PlanId, string DocumentNumber, DateOnly AwardedOn);
