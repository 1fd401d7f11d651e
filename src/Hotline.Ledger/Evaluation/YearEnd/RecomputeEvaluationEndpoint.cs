using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>The sheet computed again, for a draft that may be recomputed (none otherwise).</summary>
public sealed record Recomputation(StoredSheet? Sheet);

public static class RecomputeEvaluationEndpoint
{
    public static async Task<Recomputation> LoadAsync(YearEndEvaluation evaluation, IQuerySession session, RulebookCatalog rulebooks, TimeProvider clock) =>
        new(EvaluationSteps.Refusal(evaluation, EvaluationSteps.Step.Recompute) is null
            ? await YearEndEvaluations.Compute(session, rulebooks, evaluation.Year, clock)
            : null);

    public static ProblemDetails Validate(YearEndEvaluation evaluation) =>
        EvaluationProblems.Check(evaluation, EvaluationSteps.Step.Recompute, StepFacts.None);

    /// <summary>Computes the draft's scores again from the ledger as it stands now; only before submission or after a return.</summary>
    [WolverinePost("/api/evaluations/{id}/recompute", OperationId = "recomputeEvaluation")]
    public static (Written<EvaluationView>, EvaluationRecomputed, InsertDoc<StoredSheet>) Post(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.Evaluation)] YearEndEvaluation evaluation,
        Recomputation recomputation, HttpContext http)
    {
        // The rulebook that scored the draft scores the year still: a recompute always has its sheet.
        var sheet = recomputation.Sheet!;
        return (new(evaluation.Id), new EvaluationRecomputed(evaluation.Id, YearEndEvaluations.Computed(sheet), RequestActor.Of(http)), MartenOps.Insert(sheet));
    }
}
