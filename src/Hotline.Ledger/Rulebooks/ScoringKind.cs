namespace Hotline.Ledger.Rulebooks;

public enum ScoringKind { Threshold, Linear, Steps }
