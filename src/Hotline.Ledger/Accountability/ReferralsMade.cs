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
