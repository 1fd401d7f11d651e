using Hotline.Ledger.Evaluation.Sheets;

namespace Hotline.Ledger.Evaluation.YearEnd;

public static class RemarkEvaluationEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(RemarkUnit command, YearEndEvaluation evaluation, IQuerySession session)
    {
        var problem = EvaluationProblems.Check(evaluation, EvaluationSteps.Step.Remark, StepFacts.None);
        if (problem != WolverineContinue.NoProblems) return problem;
        var sheet = await session.LoadAsync<StoredSheet>(evaluation.SheetId);
        return sheet!.Sheet.Units.Any(u => u.UnitId == command.UnitId)
            ? WolverineContinue.NoProblems
            : Problems.InvalidProblem("unitId", "evaluation.unitId.notIncluded", command.UnitId, evaluation.Year);
    }

    [WolverinePost("/api/evaluations/{id}/remarks", OperationId = "remarkEvaluationUnit")]
    public static (Written<EvaluationView>, UnitRemarked) Post(RemarkUnit command,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.Evaluation)] YearEndEvaluation evaluation, HttpContext http) =>
        (new(evaluation.Id), new UnitRemarked(evaluation.Id, command.UnitId, command.Text.Trim(), RequestActor.Of(http)));
}
