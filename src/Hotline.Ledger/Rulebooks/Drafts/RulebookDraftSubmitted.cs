namespace Hotline.Ledger.Rulebooks.Drafts;

public sealed record RulebookDraftSubmitted(Guid DraftId, string SubmittedBy);
