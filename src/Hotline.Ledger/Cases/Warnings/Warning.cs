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

public sealed record WarningList(DateTimeOffset AsOf, int Year, DateTimeOffset KnownAt, IReadOnlyList<Warning> Warnings);
