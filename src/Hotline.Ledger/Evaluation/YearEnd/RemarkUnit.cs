namespace Hotline.Ledger.Evaluation.YearEnd;

public sealed record RemarkUnit(Guid UnitId, string Text);
