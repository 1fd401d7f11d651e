namespace Hotline.Ledger.Rulebooks;

/// <summary>Who a score, a rate or an entry is about: a member unit or one of its staff.</summary>
public enum SubjectKind { Unit, Person }
