using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Evaluation.Sheets;

namespace Hotline.Ledger.Commendations.Review;

/// <summary>
/// Whether a unit or an individual may be shortlisted, judged on their row of the approved result by
/// the plan's frozen rules (ADR 0052). Pure: every reason it gives is one a reviewer can read aloud, in the request's language.
/// </summary>
public static class Eligibility
{
    public static IReadOnlyList<string> Reasons(EligibilityRule rule, int year, decimal total, string? grade, IEnumerable<SheetDeduction> deductions)
    {
        var reasons = new List<string>();
        if (rule.MinTotal is { } min && total < min)
            reasons.Add(ProblemText.Of("eligibility.total.belowMinimum", Points(total), Points(min)));
        if (rule.MinGrade is { } minGrade && !rule.AcceptedGrades.Contains(grade ?? ""))
            reasons.Add(ProblemText.Of("eligibility.grade.tooLow", grade ?? ProblemText.Of("eligibility.grade.none"), minGrade));

        var counted = deductions.ToList();
        foreach (var clause in rule.BarredBy)
        {
            var hits = counted.Where(d => d.Clause == clause).ToList();
            if (hits.Count > 0)
                reasons.Add(ProblemText.Of("eligibility.barredBy", clause, year, hits.Count, string.Join(", ", hits.Select(h => h.EntryId))));
        }

        return reasons;
    }

    private static string Points(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
