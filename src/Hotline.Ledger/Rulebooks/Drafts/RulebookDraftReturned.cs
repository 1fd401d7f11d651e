namespace Hotline.Ledger.Rulebooks.Drafts;

public sealed record RulebookDraftReturned(Guid DraftId, string Comments, string ReturnedBy);
