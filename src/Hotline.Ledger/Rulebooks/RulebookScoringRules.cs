namespace Hotline.Ledger.Rulebooks;

/// <summary>
/// The loader's checks on computed criteria and the case-feed settings: a rulebook whose scoring
/// functions could give more than a criterion is worth, or read an input nobody produces, is refused.
/// </summary>
internal static class RulebookScoringRules
{
    public static void Validate(Rulebook book, Action<string> fail)
    {
        foreach (var clause in book.Clauses) ValidateClause(book, clause, fail);

        if (book.CaseFeed is { } rules)
        {
            if (rules.BasicallySatisfiedWeight is < 0m or > 1m)
                fail($"caseFeed.basicallySatisfiedWeight is {rules.BasicallySatisfiedWeight}; it must lie between 0 and 1");
            if (rules.MonthlyReportDueDay is < 1 or > 28)
                fail($"caseFeed.monthlyReportDueDay is {rules.MonthlyReportDueDay}; it must be a day from 1 to 28 (every month has it)");
        }
        else if (book.Clauses.Any(c => c.ComputedFrom == ScoringInputs.FromCases))
        {
            fail("criteria are computed from cases but the rulebook has no caseFeed settings (basicallySatisfiedWeight, monthlyReportDueDay)");
        }
    }

    private static void ValidateClause(Rulebook book, Clause clause, Action<string> fail)
    {
        var c = clause.Code;
        if (clause.ComputedFrom is null && clause.Scoring is null) return;
        if (clause.Kind != ClauseKind.Criterion) fail($"clause '{c}' is a {clause.Kind.ToString().ToLowerInvariant()}; only criteria are computed");
        if (clause.ComputedFrom is null) fail($"clause '{c}' has a scoring but no computedFrom (cases or ledger)");
        if (clause.Scoring is null) { fail($"clause '{c}' is computed from {clause.ComputedFrom} but has no scoring"); return; }
        if (clause.ComputedFrom is not (ScoringInputs.FromCases or ScoringInputs.FromLedger))
            fail($"clause '{c}' is computed from '{clause.ComputedFrom}'; known sources are '{ScoringInputs.FromCases}' and '{ScoringInputs.FromLedger}'");
        if (clause.Collective) fail($"clause '{c}' cannot be both computed and scored collectively");
        if (book.HasChildren(c)) fail($"clause '{c}' is a heading; compute its parts instead");

        var parts = clause.Scoring.Parts;
        if (parts is null || parts.Count == 0) { fail($"clause '{c}' has a scoring without parts"); return; }
        var sum = parts.Sum(p => p.Points);
        if (sum != clause.Points) fail($"the scoring parts of '{c}' give {sum} points but the clause is worth {clause.Points}");

        foreach (var part in parts) ValidatePart(book, clause, part, fail);
    }

    private static void ValidatePart(Rulebook book, Clause clause, ScoringPart part, Action<string> fail)
    {
        var where = $"clause '{clause.Code}', input '{part.Input}'";
        if (part.Points <= 0) fail($"{where}: points must be positive, not {part.Points}");
        if (part.Function is null) { fail($"{where}: no function"); return; }

        var isRate = ScoringInputs.Rates.Contains(part.Input);
        if (isRate)
        {
            if (clause.ComputedFrom != ScoringInputs.FromCases) fail($"{where}: a case rate needs computedFrom '{ScoringInputs.FromCases}'");
            if (part.Clauses is not null) fail($"{where}: 'clauses' belongs to the '{ScoringInputs.Entries}' input only");
        }
        else if (part.Input == ScoringInputs.Entries)
        {
            if (clause.ComputedFrom != ScoringInputs.FromLedger) fail($"{where}: counting entries needs computedFrom '{ScoringInputs.FromLedger}'");
            if (part.Clauses is null || part.Clauses.Count == 0) fail($"{where}: name the clauses whose entries are counted");
            foreach (var code in part.Clauses ?? [])
            {
                var counted = book.Find(code);
                if (counted is null) fail($"{where}: counts entries of '{code}', which is not in the rulebook");
                else if (!counted.IsEntryClause) fail($"{where}: counts entries of '{code}', which is a criterion");
                else if (!counted.Credits(clause.AppliesTo == AppliesTo.Unit ? SubjectKind.Unit : SubjectKind.Person))
                    fail($"{where}: '{code}' never applies to the subject of '{clause.Code}'");
            }
            if (part.Function.Kind != ScoringKind.Steps) fail($"{where}: a count of entries is scored with a step table");
        }
        else
        {
            fail($"{where}: unknown input; known inputs are {string.Join(", ", ScoringInputs.Rates.Order())} and {ScoringInputs.Entries}");
        }

        ValidateFunction(where, part, isRate, fail);
    }

    private static void ValidateFunction(string where, ScoringPart part, bool isRate, Action<string> fail)
    {
        var f = part.Function;
        switch (f.Kind)
        {
            case ScoringKind.Threshold:
                if (f.Target is null) fail($"{where}: a threshold needs a target");
                if (f.Floor is not null || f.Steps is not null) fail($"{where}: a threshold takes only a target");
                break;
            case ScoringKind.Linear:
                if (f.Target is null || f.Floor is null) fail($"{where}: a linear function needs a floor and a target");
                else if (f.Floor >= f.Target) fail($"{where}: the floor {f.Floor} must lie below the target {f.Target}");
                if (f.Steps is not null) fail($"{where}: a linear function takes no steps");
                break;
            case ScoringKind.Steps:
                ValidateSteps(where, part, fail);
                break;
        }

        if (isRate && (f.Target is < 0m or > 1m || f.Floor is < 0m or > 1m))
            fail($"{where}: rates run from 0 to 1; the target and floor must too");
    }

    private static void ValidateSteps(string where, ScoringPart part, Action<string> fail)
    {
        var steps = part.Function.Steps;
        if (part.Function.Target is not null || part.Function.Floor is not null) fail($"{where}: a step table takes no target or floor");
        if (steps is null || steps.Count == 0) { fail($"{where}: a step table needs steps"); return; }
        if (steps.Any(s => (s.AtLeast is null) == (s.AtMost is null))) fail($"{where}: each step has exactly one of atLeast and atMost");
        if (steps.Select(s => s.AtLeast is null).Distinct().Count() > 1) fail($"{where}: the steps mix atLeast and atMost");
        if (steps.Any(s => s.Points < 0 || s.Points > part.Points)) fail($"{where}: a step gives points outside 0–{part.Points}");

        // Best first: the first step met wins, so a table listed the other way round would never reach its best rows.
        for (var i = 1; i < steps.Count; i++)
        {
            var (before, now) = (steps[i - 1], steps[i]);
            var ordered = now.AtLeast is { } min ? min < before.AtLeast : now.AtMost > before.AtMost;
            if (!ordered || now.Points > before.Points) fail($"{where}: steps must be listed best first, each asking less and giving no more than the one before");
        }
    }
}
