namespace Hotline.Ledger.Commendations.Plans;

/// <summary>
/// The commendations were issued (S4) under <see cref="DocumentNumber"/> on <see cref="AwardedOn"/>;
/// each is a <see cref="Awards.CommendationAwarded"/> of its own, appended in the same transaction.
/// </summary>
public sealed record CommendationsIssued(Guid PlanId, string DocumentNumber, DateOnly AwardedOn, IReadOnlyList<Guid> CommendationIds, string IssuedBy);
