namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>The office's remark on a unit in the preliminary opinion; the latest per unit stands.</summary>
public sealed record UnitRemarked(Guid EvaluationId, Guid UnitId, string Text, string RemarkedBy);
