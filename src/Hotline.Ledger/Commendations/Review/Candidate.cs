namespace Hotline.Ledger.Commendations.Review;

/// <summary>
/// A unit that applied for commendation, or an individual a unit nominated, beside their row of the
/// approved result and the plan's eligibility verdict. What the office reviews (S3).
/// </summary>
public sealed record Candidate(
    string Kind,
    Guid SubjectId,
    Guid UnitId,
    string Name,
    string UnitCode,
    string UnitName,
    int? Rank,
    decimal? Total,
    string? Grade,
    decimal? DeductionTotal,
    bool Eligible,
    IReadOnlyList<string> Reasons,
    bool Shortlisted,
    string? Deeds);
