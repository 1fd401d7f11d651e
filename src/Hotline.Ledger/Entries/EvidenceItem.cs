namespace Hotline.Ledger.Entries;

public sealed record EvidenceItem(string Title, string Reference, string? Sha256);
