namespace Hotline.Ledger.Http;

/// <summary>Why a step is turned away: the request itself is wrong, it contradicts the ledger, or the caller may not take it.</summary>
public enum RejectionKind { Invalid, Conflict, Forbidden }
