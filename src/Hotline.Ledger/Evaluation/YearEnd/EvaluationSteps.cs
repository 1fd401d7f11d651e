namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>
/// The order of the approval steps (draft → submitted → returned → submitted → approved), as a pure
/// rule: each refusal says what must happen first.
/// </summary>
public static class EvaluationSteps
{
    public enum Step { Remark, Recompute, Submit, Return, Approve }

    public static string? Refusal(YearEndEvaluation e, Step step)
    {
        var route = $"/api/evaluations/{e.Id}";
        if (e.Status == YearEndEvaluation.Approved)
            return $"The {e.Year} evaluation was approved at {e.ApprovedAt:O} by {e.ApprovedBy}; it is final and frozen.";

        return (step, e.Status) switch
        {
            (Step.Remark or Step.Recompute or Step.Submit, YearEndEvaluation.Draft or YearEndEvaluation.Returned) => null,
            (Step.Return or Step.Approve, YearEndEvaluation.Submitted) => null,
            (Step.Remark or Step.Recompute, YearEndEvaluation.Submitted) =>
                $"The evaluation is with the leadership (submitted at {Last(e, "submitted")}); a leader must return it first (POST {route}/return).",
            (Step.Submit, YearEndEvaluation.Submitted) =>
                $"The evaluation was already submitted at {Last(e, "submitted")}; a leader approves it or returns it first.",
            (Step.Return or Step.Approve, YearEndEvaluation.Draft) =>
                $"The evaluation is a draft; the office must submit it first (POST {route}/submit).",
            (Step.Return or Step.Approve, YearEndEvaluation.Returned) =>
                $"The evaluation was returned at {Last(e, "returned")}; the office must submit it again first (POST {route}/submit).",
            _ => $"The evaluation is {e.Status}; '{step}' cannot follow.",
        };
    }

    private static string Last(YearEndEvaluation e, string step) =>
        e.Steps.LastOrDefault(s => s.Step == step) is { } s ? $"{s.At:O} by {s.By}" : "an earlier time";
}
