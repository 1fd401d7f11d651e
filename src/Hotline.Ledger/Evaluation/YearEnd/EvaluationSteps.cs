using Hotline.Ledger.Approvals;
using Hotline.Ledger.Http;

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
        if (e.Status == YearEndEvaluation.Approved)
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
}
