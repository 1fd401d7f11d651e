namespace Hotline.Ledger.Evaluation.YearEnd;

public sealed record ReturnEvaluation(string Comments);
