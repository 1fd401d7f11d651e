namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>The draft's scores are computed again from the ledger as it stands now (after corrections or appeals).</summary>
public sealed record EvaluationRecomputed(Guid EvaluationId, SheetComputed Sheet, string RecomputedBy);
