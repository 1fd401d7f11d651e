using Hotline.Ledger.Approvals;

namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>
/// The order of the approval steps (draft → submitted → returned → submitted → approved), as a pure
/// rule: each refusal says what must happen first.
/// </summary>
public static class EvaluationSteps
{
    public enum Step { Remark, Recompute, Submit, Return, Approve }

    public static Refusal? Refusal(YearEndEvaluation e, Step step)
    {
        var route = $"/api/evaluations/{e.Id}";
        if (e.Status == ApprovalStatus.Approved)
            return new("evaluation.approved", e.Year, e.ApprovedAt, e.ApprovedBy);

        var move = step switch
        {
            Step.Remark or Step.Recompute => ApprovalMove.Edit,
            Step.Submit => ApprovalMove.Submit,
            Step.Return => ApprovalMove.Return,
            _ => ApprovalMove.Approve,
        };
        return e.OutOfOrder(move, step.ToString(), "evaluation", route);
    }

    /// <summary>
    /// Why the step cannot be taken now that the rest of the ledger is known: out of order, the year's appeals still
    /// pending, or (for submission) a sheet the ledger has moved past.
    /// </summary>
    public static Refusal? Refusal(YearEndEvaluation e, Step step, StepFacts facts)
    {
        if (Refusal(e, step) is { } order) return order;
        if (facts.PendingAppeals.Count > 0)
            return new("evaluation.appealsPending", facts.PendingAppeals.Count, e.Year, string.Join(", ", facts.PendingAppeals.Select(a => a.Id)));
        if (facts.Changed is { } change)
            return new("evaluation.changed", e.KnownAt, change, $"/api/evaluations/{e.Id}/recompute");
        return null;
    }
}
