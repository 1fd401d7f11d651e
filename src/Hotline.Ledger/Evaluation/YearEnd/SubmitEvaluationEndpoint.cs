using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.YearEnd;

public static class SubmitEvaluationEndpoint
{
    public static Task<StepFacts> LoadAsync(YearEndEvaluation evaluation, IQuerySession session, RulebookCatalog rulebooks) =>
        StepFacts.Gather(session, rulebooks, evaluation, EvaluationSteps.Step.Submit);

    public static ProblemDetails Validate(SubmitEvaluation? command, YearEndEvaluation evaluation, StepFacts facts) =>
        EvaluationProblems.OverrideFault(command?.Override) ?? EvaluationProblems.Check(evaluation, EvaluationSteps.Step.Submit, facts, command?.Override);

    /// <summary>
    /// The office submits the preliminary opinion to the leadership. An incomplete one (unmarked criteria, monthly
    /// reports never received) is refused unless the body overrides it with a reason, which is recorded (ADR 0066).
    /// </summary>
    [WolverinePost("/api/evaluations/{id}/submit", OperationId = "submitEvaluation")]
    public static (Written<EvaluationView>, EvaluationSubmitted) Post(SubmitEvaluation? command,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.Evaluation)] YearEndEvaluation evaluation,
        StepFacts facts, HttpContext http)
    {
        var reason = facts.Missing.Complete ? null : command!.Override!.Reason.Trim();
        return (new(evaluation.Id), new EvaluationSubmitted(evaluation.Id, RequestActor.Of(http), reason, reason is null ? null : facts.Missing));
    }
}
