namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>A new version of the draft (while it is a draft, or returned).</summary>
public sealed record RulebookDraftRevised(Guid DraftId, string RulebookJson, string RevisedBy);
