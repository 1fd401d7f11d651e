using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Accountability;

/// <summary>Pure: the grounds for referral of one row of the approved result, under the rulebook's accountability rules (ADR 0053).</summary>
public static class ReferralGrounds
{
    public const string ClauseGround = "clause";
    public const string ThresholdGround = "threshold";

    public static IReadOnlyList<ReferralGround> Of(AccountabilityRules? rules, IReadOnlyList<SheetDeduction> deductions, decimal deductionTotal)
    {
        if (rules is null) return [];
        var grounds = new List<ReferralGround>();
        foreach (var clause in rules.Clauses ?? [])
        {
            var hits = deductions.Where(d => d.Clause == clause).ToList();
            if (hits.Count > 0) grounds.Add(new(ClauseGround, clause, hits.Sum(h => h.Points), hits.Select(h => h.EntryId).ToList()));
        }

        // deductionTotal is signed (≤ 0); the threshold is a magnitude.
        if (rules.DeductionThreshold is { } threshold && -deductionTotal >= threshold)
            grounds.Add(new(ThresholdGround, null, deductionTotal, deductions.Select(d => d.EntryId).ToList()));
        return grounds;
    }
}
