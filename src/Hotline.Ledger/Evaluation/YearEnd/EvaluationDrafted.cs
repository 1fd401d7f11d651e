namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>The office computes the item-by-item scores as of 31 December and drafts the preliminary opinion (M3). Starts the stream.</summary>
public sealed record EvaluationDrafted(Guid EvaluationId, int Year, SheetComputed Sheet, string DraftedBy);
