namespace Hotline.Ledger.SelfChecks;

public sealed record SubmitSelfCheck(string Month, IReadOnlyList<SelfCheckItem> Items, string? Summary);
