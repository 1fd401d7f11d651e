namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>A leader adopts the draft: it is rulebook <see cref="RulebookId"/>, in force from <see cref="EffectiveFrom"/>.</summary>
public sealed record RulebookRevisionAdopted(Guid DraftId, string RulebookId, DateOnly EffectiveFrom, string ApprovedBy);
