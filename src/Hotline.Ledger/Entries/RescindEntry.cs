namespace Hotline.Ledger.Entries;

public sealed record RescindEntry(string Reason);
