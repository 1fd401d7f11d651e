namespace Hotline.Ledger.SpotChecks;

public sealed record LinkSpotCheckEntry(Guid EntryId);
