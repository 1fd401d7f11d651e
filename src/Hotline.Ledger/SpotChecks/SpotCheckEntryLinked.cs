namespace Hotline.Ledger.SpotChecks;

/// <summary>An entry the spot check led to, linked after the fact.</summary>
public sealed record SpotCheckEntryLinked(Guid SpotCheckId, Guid EntryId, string LinkedBy);
