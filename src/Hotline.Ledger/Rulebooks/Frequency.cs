namespace Hotline.Ledger.Rulebooks;

public enum Frequency { Each, OncePerYear }
