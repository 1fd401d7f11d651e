namespace Hotline.Ledger.Commendations.Awards;

/// <summary>
/// The commendations of a plan whose shortlist is approved, under the issuing document's number (文号) and date. The
/// plan, named in the body, is the stream the endpoint writes (<c>[WriteAggregate]</c> finds it by <c>[Identity]</c>).
/// </summary>
public sealed record IssueCommendations([property: JasperFx.Identity] Guid PlanId, string DocumentNumber, DateOnly AwardedOn);
