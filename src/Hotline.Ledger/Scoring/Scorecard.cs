using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring;

public sealed record ScoreSubject(string Kind, Guid Id, string Name, string? Code);

public sealed record CriterionScore(string Clause, string Title, decimal MaxPoints, decimal? Points, string Source, int Marks);

public sealed record CountedEntry(Guid Id, string Clause, decimal Points, DateOnly OccurredOn, DateTimeOffset RecordedAt, Guid UnitId, Guid? PersonId, bool Automatic);

/// <summary>A subject's score on both clocks, with everything that produced it.</summary>
public sealed record Scorecard(
    ScoreSubject Subject,
    int Year,
    DateOnly AsOf,
    DateTimeOffset KnownAt,
    string Rulebook,
    IReadOnlyList<CriterionScore> Criteria,
    decimal CriteriaTotal,
    decimal BonusTotal,
    decimal DeductionTotal,
    decimal Total,
    IReadOnlyList<CountedEntry> Entries);
