using Hotline.Ledger.Evaluation.YearEnd;

namespace Hotline.Ledger.Accountability;

/// <summary>What referring found: the year's approved result (or why there is none) and a round already made.</summary>
public sealed record Referring(ApprovedResult? Result, Refusal? NotApproved, ReferralRound? Done);
