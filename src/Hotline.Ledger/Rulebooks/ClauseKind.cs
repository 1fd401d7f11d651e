namespace Hotline.Ledger.Rulebooks;

public enum ClauseKind { Criterion, Bonus, Deduction }
