namespace Hotline.Ledger.Commendations.Plans;

/// <summary>New terms for a plan in draft or returned; the year and the result it rests on stay.</summary>
public sealed record RevisePlan(
    string Scope,
    int UnitQuota,
    int PersonQuota,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    int? NominationsPerUnit) : IPlanTermsRequest;
