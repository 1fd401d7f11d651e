using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.YearEnd;

public static class ApproveEvaluationEndpoint
{
    public static Task<StepFacts> LoadAsync(YearEndEvaluation evaluation, IQuerySession session, RulebookCatalog rulebooks) =>
        StepFacts.Gather(session, rulebooks, evaluation, EvaluationSteps.Step.Approve);

    public static ProblemDetails Validate(ApproveEvaluation? command, YearEndEvaluation evaluation, StepFacts facts) =>
        EvaluationProblems.OverrideFault(command?.Override) ?? EvaluationProblems.Check(evaluation, EvaluationSteps.Step.Approve, facts, command?.Override);

    /// <summary>A leader approves: from now on the result is the year's, frozen.</summary>
    [WolverinePost("/api/evaluations/{id}/approve", OperationId = "approveEvaluation")]
    public static (Written<EvaluationView>, EvaluationApproved) Post(ApproveEvaluation? command,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.Evaluation)] YearEndEvaluation evaluation,
        StepFacts facts, HttpContext http)
    {
        var reason = facts.Missing.Complete ? null : command!.Override!.Reason.Trim();
        return (new(evaluation.Id), new EvaluationApproved(evaluation.Id, evaluation.SheetId, evaluation.Sha256, RequestActor.Of(http), reason,
            reason is null ? null : facts.Missing));
    }
}
