using Hotline.Ledger.Appeals;
using Hotline.Ledger.Integrity;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>
/// What a step of the evaluation must know of the rest of the ledger before it is decided: the year's pending
/// appeals, whether the ledger moved past the sheet, whether the last integrity verification failed, and what
/// the evaluation lacks. Gathered only as far as the step needs it, and not at all for a step already out of order.
/// </summary>
public sealed record StepFacts(IReadOnlyList<Appeal> PendingAppeals, Refusal? Changed, Refusal? Unsound, Completeness Missing)
{
    public static readonly StepFacts None = new([], null, null, new Completeness(true, [], []));

    public static async Task<StepFacts> Gather(IQuerySession session, RulebookCatalog rulebooks, YearEndEvaluation evaluation, EvaluationSteps.Step step)
    {
        if (step is not (EvaluationSteps.Step.Submit or EvaluationSteps.Step.Approve) || EvaluationSteps.Refusal(evaluation, step) is not null)
            return None;

        var pending = await YearEndEvaluations.PendingAppeals(session, evaluation.Year);
        if (pending.Count > 0) return None with { PendingAppeals = pending };
        if (step == EvaluationSteps.Step.Submit && await YearEndEvaluations.ChangedSince(session, evaluation.Year, evaluation.KnownAt) is { } change)
            return None with { Changed = change };
        if (step == EvaluationSteps.Step.Approve && await IntegrityVerification.Unsound(session) is { } unsound)
            return None with { Unsound = unsound };
        // The leader decides for themselves: an override at submission does not carry over.
        return None with { Missing = await YearEndEvaluations.Missing(session, rulebooks, evaluation) };
    }
}
