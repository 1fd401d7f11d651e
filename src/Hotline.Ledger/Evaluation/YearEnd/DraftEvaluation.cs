namespace Hotline.Ledger.Evaluation.YearEnd;

public sealed record DraftEvaluation(int Year);
