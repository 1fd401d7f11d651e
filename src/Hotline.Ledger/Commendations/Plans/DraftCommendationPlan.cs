namespace Hotline.Ledger.Commendations.Plans;

/// <summary>
/// The office's draft of the plan for a year whose year-end result is approved. <see cref="NominationsPerUnit"/>
/// defaults to the rulebook's share (2 in the built-in one).
/// </summary>
public sealed record DraftCommendationPlan(
    int Year,
    string Scope,
    int UnitQuota,
    int PersonQuota,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    int? NominationsPerUnit) : IPlanTermsRequest;
