using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring;

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
