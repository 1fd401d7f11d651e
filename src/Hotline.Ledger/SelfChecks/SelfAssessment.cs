namespace Hotline.Ledger.SelfChecks;

/// <summary>The unit's own view beside the office's: the latest self-check up to asOf against the scorecard.</summary>
public sealed record SelfAssessment(Guid UnitId, int Year, DateOnly AsOf, DateTimeOffset KnownAt, string? Month,
    decimal OfficeCriteriaTotal, decimal? SelfTotal, IReadOnlyList<SelfAssessedCriterion> Criteria);
