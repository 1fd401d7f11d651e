namespace Hotline.Ledger.Rulebooks;

public enum AppliesTo { Unit, Person, Both }
