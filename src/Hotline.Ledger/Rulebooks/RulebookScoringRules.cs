namespace Hotline.Ledger.Rulebooks;

/// <summary>
/// The loader's checks on computed criteria and the case-feed settings: a rulebook whose scoring
/// functions could give more than a criterion is worth, or read an input nobody produces, is refused.
/// </summary>
internal static class RulebookScoringRules
{
    public static void Validate(Rulebook book, Action<Refusal> fail)
    {
        foreach (var clause in book.Clauses) ValidateClause(book, clause, fail);

        if (book.CaseFeed is { } rules)
        {
            if (rules.BasicallySatisfiedWeight is < 0m or > 1m)
                fail(new Refusal("rulebook.caseFeed.weight", rules.BasicallySatisfiedWeight));
            if (rules.MonthlyReportDueDay is < 1 or > 28)
                fail(new Refusal("rulebook.caseFeed.dueDay", rules.MonthlyReportDueDay));
        }
        else if (book.Clauses.Any(c => c.ComputedFrom == ScoringInputs.FromCases))
        {
            fail(new Refusal("rulebook.caseFeed.required"));
        }
    }

    private static void ValidateClause(Rulebook book, Clause clause, Action<Refusal> fail)
    {
        var c = clause.Code;
        if (clause.ComputedFrom is null && clause.Scoring is null) return;
        if (clause.Kind != ClauseKind.Criterion) fail(new Refusal("rulebook.computed.notCriterion", c, new Refusal($"kind.{clause.Kind.ToString().ToLowerInvariant()}")));
        if (clause.ComputedFrom is null) fail(new Refusal("rulebook.computed.noSource", c));
        if (clause.Scoring is null) { fail(new Refusal("rulebook.computed.noScoring", c, clause.ComputedFrom)); return; }
        if (clause.ComputedFrom is not (ScoringInputs.FromCases or ScoringInputs.FromLedger))
            fail(new Refusal("rulebook.computed.unknownSource", c, clause.ComputedFrom, ScoringInputs.FromCases, ScoringInputs.FromLedger));
        if (clause.Collective) fail(new Refusal("rulebook.computed.collective", c));
        if (book.HasChildren(c)) fail(new Refusal("rulebook.computed.heading", c));

        var parts = clause.Scoring.Parts;
        if (parts is null || parts.Count == 0) { fail(new Refusal("rulebook.scoring.noParts", c)); return; }
        var sum = parts.Sum(p => p.Points);
        if (sum != clause.Points) fail(new Refusal("rulebook.scoring.partsSum", c, sum, clause.Points));

        foreach (var part in parts) ValidatePart(book, clause, part, fail);
    }

    private static void ValidatePart(Rulebook book, Clause clause, ScoringPart part, Action<Refusal> fail)
    {
        var where = new Refusal("rulebook.part.where", clause.Code, part.Input);
        if (part.Points <= 0) fail(new Refusal("rulebook.part.points", where, part.Points));
        if (part.Function is null) { fail(new Refusal("rulebook.part.noFunction", where)); return; }

        var isRate = ScoringInputs.Rates.Contains(part.Input);
        if (isRate)
        {
            if (clause.ComputedFrom != ScoringInputs.FromCases) fail(new Refusal("rulebook.part.rateNeedsCases", where, ScoringInputs.FromCases));
            if (part.Clauses is not null) fail(new Refusal("rulebook.part.clausesOnlyForEntries", where, ScoringInputs.Entries));
        }
        else if (part.Input == ScoringInputs.Entries)
        {
            if (clause.ComputedFrom != ScoringInputs.FromLedger) fail(new Refusal("rulebook.part.entriesNeedLedger", where, ScoringInputs.FromLedger));
            if (part.Clauses is null || part.Clauses.Count == 0) fail(new Refusal("rulebook.part.entriesNeedClauses", where));
            foreach (var code in part.Clauses ?? [])
            {
                var counted = book.Find(code);
                if (counted is null) fail(new Refusal("rulebook.part.unknownClause", where, code));
                else if (!counted.IsEntryClause) fail(new Refusal("rulebook.part.countsCriterion", where, code));
                else if (!counted.Credits(clause.AppliesTo == AppliesTo.Unit ? SubjectKind.Unit : SubjectKind.Person))
                    fail(new Refusal("rulebook.part.otherSubject", where, code, clause.Code));
            }
            if (part.Function.Kind != ScoringKind.Steps) fail(new Refusal("rulebook.part.entriesNeedSteps", where));
        }
        else
        {
            fail(new Refusal("rulebook.part.unknownInput", where, string.Join(", ", ScoringInputs.Rates.Order()), ScoringInputs.Entries));
        }

        ValidateFunction(where, part, isRate, fail);
    }

    private static void ValidateFunction(Refusal where, ScoringPart part, bool isRate, Action<Refusal> fail)
    {
        var f = part.Function;
        switch (f.Kind)
        {
            case ScoringKind.Threshold:
                if (f.Target is null) fail(new Refusal("rulebook.function.thresholdTarget", where));
                if (f.Floor is not null || f.Steps is not null) fail(new Refusal("rulebook.function.thresholdOnlyTarget", where));
                break;
            case ScoringKind.Linear:
                if (f.Target is null || f.Floor is null) fail(new Refusal("rulebook.function.linearBounds", where));
                else if (f.Floor >= f.Target) fail(new Refusal("rulebook.function.floorBelowTarget", where, f.Floor, f.Target));
                if (f.Steps is not null) fail(new Refusal("rulebook.function.linearSteps", where));
                break;
            case ScoringKind.Steps:
                ValidateSteps(where, part, fail);
                break;
        }

        if (isRate && (f.Target is < 0m or > 1m || f.Floor is < 0m or > 1m))
            fail(new Refusal("rulebook.function.rateRange", where));
    }

    private static void ValidateSteps(Refusal where, ScoringPart part, Action<Refusal> fail)
    {
        var steps = part.Function.Steps;
        if (part.Function.Target is not null || part.Function.Floor is not null) fail(new Refusal("rulebook.steps.targetOrFloor", where));
        if (steps is null || steps.Count == 0) { fail(new Refusal("rulebook.steps.required", where)); return; }
        if (steps.Any(s => (s.AtLeast is null) == (s.AtMost is null))) fail(new Refusal("rulebook.steps.oneBound", where));
        if (steps.Select(s => s.AtLeast is null).Distinct().Count() > 1) fail(new Refusal("rulebook.steps.mixed", where));
        if (steps.Any(s => s.Points < 0 || s.Points > part.Points)) fail(new Refusal("rulebook.steps.pointsOutside", where, part.Points));

        // Best first: the first step met wins, so a table listed the other way round would never reach its best rows.
        for (var i = 1; i < steps.Count; i++)
        {
            var (before, now) = (steps[i - 1], steps[i]);
            var ordered = now.AtLeast is { } min ? min < before.AtLeast : now.AtMost > before.AtMost;
            if (!ordered || now.Points > before.Points) fail(new Refusal("rulebook.steps.order", where));
        }
    }
}
