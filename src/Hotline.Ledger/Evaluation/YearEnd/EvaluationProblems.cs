namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>The evaluation's refusals as the HTTP edge answers them: a step out of order, an incomplete evaluation, a blank override.</summary>
public static class EvaluationProblems
{
    /// <summary>The problem that stops <paramref name="step"/>, or <see cref="WolverineContinue.NoProblems"/>.</summary>
    public static ProblemDetails Check(YearEndEvaluation evaluation, EvaluationSteps.Step step, StepFacts facts, CompletenessOverride? given = null)
    {
        if (EvaluationSteps.Refusal(evaluation, step, facts) is { } refusal) return OutOfOrder(refusal);
        if (facts.Unsound is { } unsound) return Problems.ConflictProblem(unsound);
        if (!facts.Missing.Complete && given is null) return Incomplete(evaluation, facts.Missing, step);
        return WolverineContinue.NoProblems;
    }

    public static ProblemDetails OutOfOrder(Refusal refusal) => Problems.ConflictProblemAs(refusal, "evaluation.outOfOrder.title");

    /// <summary>409 with what is missing, so that the office can complete it or go on with a reason.</summary>
    public static ProblemDetails Incomplete(YearEndEvaluation evaluation, Completeness missing, EvaluationSteps.Step step)
    {
        var route = $"/api/evaluations/{evaluation.Id}";
        var submit = step == EvaluationSteps.Step.Submit;
        var problem = new ProblemDetails
        {
            Title = ProblemText.Of("evaluation.incomplete.title"),
            Status = StatusCodes.Status409Conflict,
            Detail = ProblemText.Of("evaluation.incomplete", evaluation.Year, missing.Summary, route, submit ? "报送" : "批准", submit ? "submit" : "approve"),
        };
        problem.Extensions[Problems.CodeKey] = "evaluation.incomplete";
        problem.Extensions["missing"] = missing;
        return problem;
    }

    /// <summary>An override must say why; a blank reason is no reason.</summary>
    public static ProblemDetails? OverrideFault(CompletenessOverride? given)
    {
        if (given is null) return null;
        var reason = given.Reason?.Trim() ?? "";
        if (reason.Length == 0) return Problems.InvalidProblem("override.reason", "evaluation.override.reason.required");
        if (reason.Length > 2000) return Problems.InvalidProblem("override.reason", "evaluation.override.reason.tooLong");
        if (reason.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return Problems.InvalidProblem("override.reason", "text.control");
        return null;
    }
}
