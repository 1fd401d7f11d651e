namespace Hotline.Ledger.Cases;

/// <summary>
/// One platform row as the case file keeps it: what happened (<see cref="At"/>, the platform's instant)
/// and when the ledger learned it (<see cref="RecordedAt"/>, the store's clock).
/// </summary>
public sealed record CaseFact(
    string EventId, CaseEventType Type,
    DateTimeOffset At, DateTimeOffset RecordedAt,
    Guid? UnitId = null, Guid? PersonId = null,
    DateTimeOffset? ReplyDueAt = null, DateTimeOffset? CompletionDueAt = null,
    CaseResult? Result = null);

/// <summary>A reply deadline the ledger has charged a D3.1 for: at most one per case and unit (ADR 0023).</summary>
public sealed record ReplyCharge(Guid UnitId, DateTimeOffset DueAt, Guid EntryId);
