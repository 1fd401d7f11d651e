namespace Hotline.Ledger.SelfChecks;

public sealed record SelfCheckItem(string Clause, decimal Points, string? Note);
