namespace Hotline.Ledger.Evaluation.Circulars;

/// <summary>
/// A circular for <see cref="Year"/> as of <see cref="AsOf"/> (default 30 June) as the ledger stood at
/// <see cref="KnownAt"/> (default now). Name both to be able to issue it again identically.
/// </summary>
public sealed record IssueCircular(int Year, DateOnly? AsOf, DateTimeOffset? KnownAt);
