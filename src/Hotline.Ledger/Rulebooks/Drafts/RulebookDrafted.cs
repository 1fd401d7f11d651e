namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>
/// The office drafts a rulebook: a whole one, or a copy of one the catalog holds (<see cref="CopyOf"/>).
/// The rulebook travels as the loader's own JSON, so that it reads back exactly as it was validated.
/// <see cref="ComparedTo"/> is the rulebook its differences are listed against.
/// </summary>
public sealed record RulebookDrafted(Guid DraftId, string RulebookJson, string? CopyOf, string ComparedTo, string DraftedBy);
