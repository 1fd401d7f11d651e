namespace Hotline.Ledger.Commendations.Plans;

/// <summary>
/// The office drafts the commendation plan from the year's approved year-end result (S1). Starts the
/// plan's stream; the result is pinned by its evaluation, sheet and the sheet's SHA-256.
/// </summary>
public sealed record CommendationPlanDrafted(
    Guid PlanId,
    int Year,
    Guid EvaluationId,
    Guid SheetId,
    string SheetSha256,
    string Rulebook,
    PlanTerms Terms,
    PlanRules Rules,
    string DraftedBy);
