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

/// <summary>
/// An eligibility rule as the plan froze it from the rulebook: <see cref="AcceptedGrades"/> spells out
/// the bands that reach <see cref="MinGrade"/>, so the plan never needs the rulebook to judge.
/// </summary>
public sealed record EligibilityRule(decimal? MinTotal, string? MinGrade, IReadOnlyList<string> AcceptedGrades, IReadOnlyList<string> BarredBy)
{
    public static readonly EligibilityRule None = new(null, null, [], []);
}

/// <summary>The rules the plan's review applies, copied from the rulebook when the plan is drafted.</summary>
public sealed record PlanRules(EligibilityRule Units, EligibilityRule People);
