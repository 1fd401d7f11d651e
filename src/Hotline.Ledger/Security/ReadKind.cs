namespace Hotline.Ledger.Security;

/// <summary>What was read. Add a kind when a new kind of sensitive read appears.</summary>
public enum ReadKind { ScoreReplay, EvidenceTrail, Entry, Rates, Export, Case, Appeal, Referral }
