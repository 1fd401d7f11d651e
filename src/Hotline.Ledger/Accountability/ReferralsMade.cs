using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Accountability;

/// <summary>
/// The office went through the approved result of a year and referred to the supervisory organ everyone
/// the rules name (S4). Starts the year's round stream (one per year); each referral is a
/// <see cref="ReferralMade"/> of its own in the same transaction. Zero referrals is a round too.
/// </summary>
public sealed record ReferralsMade(
    Guid RoundId,
    int Year,
    Guid EvaluationId,
    string SheetSha256,
    string Rulebook,
    AccountabilityRules Rules,
    IReadOnlyList<Guid> ReferralIds,
    string? Note,
    string MadeBy);

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
