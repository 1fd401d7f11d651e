namespace Hotline.Ledger.Commendations.Plans;

/// <summary>The office's shortlist after reviewing the applications (S3); a later draft replaces it.</summary>
public sealed record ShortlistDrafted(Guid PlanId, IReadOnlyList<ShortlistPick> Units, IReadOnlyList<ShortlistPick> People, string DraftedBy);
