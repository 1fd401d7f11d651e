namespace Hotline.Ledger.Warnings;

/// <summary>
/// The warnings at a moment: <see cref="AsOf"/> is its business date (YYYY-MM-DD, as every other route
/// echoes asOf), <see cref="At"/> the instant they were judged at (the end of that day, or the instant asked for).
/// </summary>
public sealed record WarningList(DateOnly AsOf, DateTimeOffset At, int Year, DateTimeOffset KnownAt, IReadOnlyList<Warning> Warnings);
