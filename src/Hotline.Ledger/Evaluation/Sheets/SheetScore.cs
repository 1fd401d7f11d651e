namespace Hotline.Ledger.Evaluation.Sheets;

public sealed record SheetScore(string Clause, decimal? Points);
