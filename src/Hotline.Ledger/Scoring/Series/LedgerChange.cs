namespace Hotline.Ledger.Scoring.Series;

/// <summary>
/// One thing recorded between two instants that bears on a subject's year: an entry recorded or rescinded, a mark
/// given, an appeal decided. <see cref="Effect"/> is what it did to the total at asOf (null for an appeal, whose
/// effect is the rescission, correction or mark it brought, listed beside it).
/// </summary>
public sealed record LedgerChange(DateTimeOffset At, string Kind, string By, string Clause, decimal? Points, decimal? Effect,
    DateOnly? OccurredOn, string? Reason, Guid? EntryId, Guid? MarkId, Guid? AppealId, string? Outcome);
