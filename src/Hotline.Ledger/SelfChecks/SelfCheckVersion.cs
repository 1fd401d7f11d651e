namespace Hotline.Ledger.SelfChecks;

public sealed record SelfCheckVersion(IReadOnlyList<SelfCheckItem> Items, string? Summary, string SubmittedBy, DateTimeOffset SubmittedAt);
