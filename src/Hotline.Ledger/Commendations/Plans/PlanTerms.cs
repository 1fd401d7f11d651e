namespace Hotline.Ledger.Commendations.Plans;

/// <summary>
/// What the plan sets out (S1): the scope of commendation, the places for advanced units and advanced
/// individuals, the application window (office calendar, both days whole), each unit's share of
/// nominations, and the day on which a nominee must be on the unit's staff.
/// </summary>
public sealed record PlanTerms(
    string Scope,
    int UnitQuota,
    int PersonQuota,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    int NominationsPerUnit,
    DateOnly StaffOn);
