using System.Globalization;
using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Evaluation.Sheets;

namespace Hotline.Ledger.Commendations.Review;

/// <summary>
/// Whether a unit or an individual may be shortlisted, judged on their row of the approved result by
/// the plan's frozen rules (ADR 0052). Pure: every reason it gives is one a reviewer can read aloud.
/// </summary>
public static class Eligibility
{
    public static IReadOnlyList<string> Reasons(EligibilityRule rule, int year, decimal total, string? grade, IEnumerable<SheetDeduction> deductions)
    {
        var reasons = new List<string>();
        if (rule.MinTotal is { } min && total < min)
            reasons.Add($"total {Points(total)} is below the minimum {Points(min)}");
        if (rule.MinGrade is { } minGrade && !rule.AcceptedGrades.Contains(grade ?? ""))
            reasons.Add($"grade {grade ?? "(none)"} does not reach {minGrade}");

        var counted = deductions.ToList();
        foreach (var clause in rule.BarredBy)
        {
            var hits = counted.Where(d => d.Clause == clause).ToList();
            if (hits.Count > 0)
                reasons.Add($"{clause} incurred in {year} ({hits.Count} time(s): entries {string.Join(", ", hits.Select(h => h.EntryId))})");
        }

        return reasons;
    }

    private static string Points(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
