using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring;

public sealed record ScoreSubject(string Kind, Guid Id, string Name, string? Code);

/// <summary>A criterion's points; a computed one (<c>source: "computed"</c>) shows the inputs that produced them.</summary>
public sealed record CriterionScore(string Clause, string Title, decimal MaxPoints, decimal? Points, string Source, int Marks,
    IReadOnlyList<CriterionInput>? Inputs = null);

/// <summary>
/// One scoring part of a computed criterion: the input's value (a rate, with its numerator and
/// denominator, or a count of entries under <see cref="Clauses"/>) and the points it earned.
/// </summary>
public sealed record CriterionInput(string Input, decimal? Value, decimal? Numerator, decimal? Denominator,
    decimal Points, decimal MaxPoints, IReadOnlyList<string>? Clauses = null);

public sealed record CountedEntry(Guid Id, string Clause, decimal Points, DateOnly OccurredOn, DateTimeOffset RecordedAt, Guid UnitId, Guid? PersonId, bool Automatic,
    string? CaseNumber = null, string? Month = null);

/// <summary>
/// A subject's score on both clocks, with everything that produced it. A person's card carries their
/// <see cref="Memberships"/> within the counted days (the only days they are scored for, ADR 0065); a unit's has none.
/// </summary>
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
    IReadOnlyList<CountedEntry> Entries,
    IReadOnlyList<Membership>? Memberships = null);
