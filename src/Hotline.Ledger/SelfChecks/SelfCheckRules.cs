using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.SelfChecks;

/// <summary>Whether a self-check may be submitted for its month: pure, on the rulebook in force then.</summary>
public static class SelfCheckRules
{
    public static Rejection? Refuse(SubmitSelfCheck command, RulebookCatalog rulebooks, DateOnly today)
    {
        var first = SelfCheckMonths.FirstDay(command.Month);
        if (first > today) return Rejection.Invalid("month", "selfCheck.month.notBegun", command.Month, today);

        var lastDay = first.AddMonths(1).AddDays(-1);
        var rulebook = rulebooks.InForceOn(lastDay < today ? lastDay : today);
        if (rulebook is null) return Rejection.Invalid("month", "selfCheck.month.noRulebook", command.Month);

        var criteria = rulebook.ScoredCriteria(SubjectKind.Unit).ToDictionary(c => c.Code);
        for (var i = 0; i < command.Items.Count; i++)
        {
            var item = command.Items[i];
            if (!criteria.TryGetValue(item.Clause, out var clause))
                return Rejection.Invalid($"items[{i}].clause", "selfCheck.item.clause", item.Clause, rulebook.Id);
            if (item.Points > clause.MaxMagnitude)
                return Rejection.Invalid($"items[{i}].points", "selfCheck.item.points", clause.Code, clause.MaxMagnitude);
        }

        var repeated = command.Items.GroupBy(i => i.Clause).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? null : Rejection.Invalid("items", "selfCheck.items.repeated", repeated.Key);
    }
}
