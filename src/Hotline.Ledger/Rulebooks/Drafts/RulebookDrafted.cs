namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>
/// The office drafts a rulebook: a whole one, or a copy of one the catalog holds (<see cref="CopyOf"/>).
/// The rulebook travels as the loader's own JSON, so that it reads back exactly as it was validated.
/// <see cref="ComparedTo"/> is the rulebook its differences are listed against.
/// </summary>
public sealed record RulebookDrafted(Guid DraftId, string RulebookJson, string? CopyOf, string ComparedTo, string DraftedBy);

/// <summary>A new version of the draft (while it is a draft, or returned).</summary>
public sealed record RulebookDraftRevised(Guid DraftId, string RulebookJson, string RevisedBy);

/// <summary>The office withdraws a draft it never adopted; it reads as gone from then on.</summary>
public sealed record RulebookDraftDeleted(Guid DraftId, string DeletedBy);

public sealed record RulebookDraftSubmitted(Guid DraftId, string SubmittedBy);

public sealed record RulebookDraftReturned(Guid DraftId, string Comments, string ReturnedBy);

/// <summary>A leader adopts the draft: it is rulebook <see cref="RulebookId"/>, in force from <see cref="EffectiveFrom"/>.</summary>
public sealed record RulebookRevisionAdopted(Guid DraftId, string RulebookId, DateOnly EffectiveFrom, string ApprovedBy);
