namespace Hotline.Ledger.Scoring.Series;

/// <summary>The totals at asOf as known at both instants, their difference, and every change recorded in between that explains it.</summary>
public sealed record LedgerChanges(ScoreSubject Subject, int Year, DateOnly AsOf, DateTimeOffset From, DateTimeOffset To,
    decimal TotalAtFrom, decimal TotalAtTo, decimal Difference, IReadOnlyList<LedgerChange> Changes);
