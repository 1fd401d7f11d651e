using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Accountability;

/// <summary>A unit or an individual referred for accountability, with the grounds and their row of the approved result.</summary>
public sealed record ReferralMade(
    Guid ReferralId,
    int Year,
    Guid EvaluationId,
    string SheetSha256,
    string Kind,
    Guid UnitId,
    Guid? PersonId,
    string Name,
    string UnitCode,
    string UnitName,
    int Rank,
    decimal Total,
    string? Grade,
    decimal DeductionTotal,
    IReadOnlyList<ReferralGround> Grounds,
    string? Note,
    string ReferredBy);
