namespace Hotline.Ledger.Evaluation.YearEnd;

public static class ReturnEvaluationEndpoint
{
    public static ProblemDetails Validate(YearEndEvaluation evaluation) =>
        EvaluationProblems.Check(evaluation, EvaluationSteps.Step.Return, StepFacts.None);

    /// <summary>A leader returns the opinion to the office with comments.</summary>
    [WolverinePost("/api/evaluations/{id}/return", OperationId = "returnEvaluation")]
    public static (Written<EvaluationView>, EvaluationReturned) Post(ReturnEvaluation command,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.Evaluation)] YearEndEvaluation evaluation, HttpContext http) =>
        (new(evaluation.Id), new EvaluationReturned(evaluation.Id, command.Comments.Trim(), RequestActor.Of(http)));
}
