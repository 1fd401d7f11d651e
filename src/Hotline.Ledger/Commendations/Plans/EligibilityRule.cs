namespace Hotline.Ledger.Commendations.Plans;

/// <summary>
/// An eligibility rule as the plan froze it from the rulebook: <see cref="AcceptedGrades"/> spells out
/// the bands that reach <see cref="MinGrade"/>, so the plan never needs the rulebook to judge.
/// </summary>
public sealed record EligibilityRule(decimal? MinTotal, string? MinGrade, IReadOnlyList<string> AcceptedGrades, IReadOnlyList<string> BarredBy)
{
    public static readonly EligibilityRule None = new(null, null, [], []);
}
