namespace Hotline.Ledger.Notices;

/// <summary>
/// "Tell the subscribers of this": the message a fact (or the look-ahead) raises, through Wolverine's
/// durable outbox in the transaction that records the fact (ADR 0095). <see cref="NoticeId"/> is derived
/// from the fact, so a fact raised twice is one notice. The rest is filled in when it is handled.
/// </summary>
public sealed record NoticeRaised(
    Guid NoticeId,
    string Kind,
    Guid? UnitId = null,
    Guid? PersonId = null,
    Guid? EntryId = null,
    string? CaseNumber = null,
    string? Clause = null,
    string? Rulebook = null,
    decimal? Points = null,
    DateTimeOffset? DueAt = null,
    Guid? SubjectId = null,
    string? Detail = null,
    DateOnly? OccurredOn = null);
