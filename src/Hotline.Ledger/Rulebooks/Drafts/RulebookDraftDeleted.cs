namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>The office withdraws a draft it never adopted; it reads as gone from then on.</summary>
public sealed record RulebookDraftDeleted(Guid DraftId, string DeletedBy);
