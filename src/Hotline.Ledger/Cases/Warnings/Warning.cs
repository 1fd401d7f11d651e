namespace Hotline.Ledger.Cases.Warnings;

/// <summary>
/// A yellow or red light (ADR 0025): <see cref="Kind"/> is <c>unit</c> or <c>person</c> (a rate below its
/// target), <c>case</c> (a reply due within a day, or overdue and about to be charged) or
/// <c>monthlyReport</c> (a report due and not received). <see cref="Reason"/> says why in words.
/// </summary>
public sealed record Warning(
    string Kind,
    string Level,
    string Reason,
    Guid? UnitId = null,
    Guid? PersonId = null,
    string? CaseNumber = null,
    string? Month = null,
    string? Clause = null,
    string? Input = null,
    decimal? Value = null,
    decimal? Target = null,
    DateTimeOffset? DueAt = null);

/// <summary>
/// The warnings at a moment: <see cref="AsOf"/> is its business date (YYYY-MM-DD, as every other route
/// echoes asOf), <see cref="At"/> the instant they were judged at (the end of that day, or the instant asked for).
/// </summary>
public sealed record WarningList(DateOnly AsOf, DateTimeOffset At, int Year, DateTimeOffset KnownAt, IReadOnlyList<Warning> Warnings);
