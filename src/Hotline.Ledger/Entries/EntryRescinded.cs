namespace Hotline.Ledger.Entries;

/// <summary>The compensating event: the entry stops counting from the instant this is recorded.</summary>
public sealed record EntryRescinded(Guid EntryId, string Reason, string RescindedBy, Guid? AppealId = null);
