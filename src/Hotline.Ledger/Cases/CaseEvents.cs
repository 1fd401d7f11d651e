namespace Hotline.Ledger.Cases;

/// <summary>A platform row appended to its case's stream. <see cref="EventId"/> is the platform's own id.</summary>
public interface ICaseEvent
{
    string EventId { get; }
    string CaseNumber { get; }
    DateTimeOffset At { get; }
}

public sealed record CaseAssigned(string EventId, string CaseNumber, DateTimeOffset At, Guid UnitId, Guid? PersonId, DateTimeOffset? ReplyDueAt, DateTimeOffset? CompletionDueAt) : ICaseEvent;
public sealed record CaseSignedFor(string EventId, string CaseNumber, DateTimeOffset At) : ICaseEvent;
public sealed record CaseReturned(string EventId, string CaseNumber, DateTimeOffset At) : ICaseEvent;
public sealed record CaseReassigned(string EventId, string CaseNumber, DateTimeOffset At, Guid UnitId, Guid? PersonId, DateTimeOffset? ReplyDueAt, DateTimeOffset? CompletionDueAt) : ICaseEvent;
public sealed record CaseExtensionRequested(string EventId, string CaseNumber, DateTimeOffset At) : ICaseEvent;
public sealed record CaseExtensionGranted(string EventId, string CaseNumber, DateTimeOffset At, DateTimeOffset? ReplyDueAt, DateTimeOffset? CompletionDueAt) : ICaseEvent;
public sealed record CaseReplied(string EventId, string CaseNumber, DateTimeOffset At) : ICaseEvent;
public sealed record CaseExplained(string EventId, string CaseNumber, DateTimeOffset At) : ICaseEvent;
public sealed record CaseCompleted(string EventId, string CaseNumber, DateTimeOffset At) : ICaseEvent;
public sealed record CaseReturnVisited(string EventId, string CaseNumber, DateTimeOffset At, CaseResult Result) : ICaseEvent;
public sealed record CaseVotedOnline(string EventId, string CaseNumber, DateTimeOffset At, CaseResult Result) : ICaseEvent;
public sealed record CaseReopened(string EventId, string CaseNumber, DateTimeOffset At) : ICaseEvent;

/// <summary>
/// The ledger's own fact on a case stream: the reply deadline passed with neither reply nor explanation
/// nor extension, and the D3.1 entry <see cref="EntryId"/> was recorded for it.
/// </summary>
public sealed record ReplyDeadlineMissed(string CaseNumber, Guid UnitId, DateTimeOffset DueAt, Guid EntryId);

public static class CaseEvents
{
    public static ICaseEvent Of(string caseNumber, CaseFact f) => f.Type switch
    {
        CaseEventType.Assigned => new CaseAssigned(f.EventId, caseNumber, f.At, f.UnitId!.Value, f.PersonId, f.ReplyDueAt, f.CompletionDueAt),
        CaseEventType.SignedFor => new CaseSignedFor(f.EventId, caseNumber, f.At),
        CaseEventType.Returned => new CaseReturned(f.EventId, caseNumber, f.At),
        CaseEventType.Reassigned => new CaseReassigned(f.EventId, caseNumber, f.At, f.UnitId!.Value, f.PersonId, f.ReplyDueAt, f.CompletionDueAt),
        CaseEventType.ExtensionRequested => new CaseExtensionRequested(f.EventId, caseNumber, f.At),
        CaseEventType.ExtensionGranted => new CaseExtensionGranted(f.EventId, caseNumber, f.At, f.ReplyDueAt, f.CompletionDueAt),
        CaseEventType.Replied => new CaseReplied(f.EventId, caseNumber, f.At),
        CaseEventType.Explained => new CaseExplained(f.EventId, caseNumber, f.At),
        CaseEventType.Completed => new CaseCompleted(f.EventId, caseNumber, f.At),
        CaseEventType.ReturnVisit => new CaseReturnVisited(f.EventId, caseNumber, f.At, f.Result!.Value),
        CaseEventType.OnlineVote => new CaseVotedOnline(f.EventId, caseNumber, f.At, f.Result!.Value),
        CaseEventType.Reopened => new CaseReopened(f.EventId, caseNumber, f.At),
        _ => throw new ArgumentOutOfRangeException(nameof(f), f.Type, "unknown case event type"),
    };

    /// <summary>The fact an appended event stands for: how a replay (the tests' oracle, a rebuild) reads a case stream.</summary>
    public static CaseFact? FactOf(object data, DateTimeOffset recordedAt) => data switch
    {
        CaseAssigned e => new(e.EventId, CaseEventType.Assigned, e.At, recordedAt, e.UnitId, e.PersonId, e.ReplyDueAt, e.CompletionDueAt),
        CaseSignedFor e => new(e.EventId, CaseEventType.SignedFor, e.At, recordedAt),
        CaseReturned e => new(e.EventId, CaseEventType.Returned, e.At, recordedAt),
        CaseReassigned e => new(e.EventId, CaseEventType.Reassigned, e.At, recordedAt, e.UnitId, e.PersonId, e.ReplyDueAt, e.CompletionDueAt),
        CaseExtensionRequested e => new(e.EventId, CaseEventType.ExtensionRequested, e.At, recordedAt),
        CaseExtensionGranted e => new(e.EventId, CaseEventType.ExtensionGranted, e.At, recordedAt, ReplyDueAt: e.ReplyDueAt, CompletionDueAt: e.CompletionDueAt),
        CaseReplied e => new(e.EventId, CaseEventType.Replied, e.At, recordedAt),
        CaseExplained e => new(e.EventId, CaseEventType.Explained, e.At, recordedAt),
        CaseCompleted e => new(e.EventId, CaseEventType.Completed, e.At, recordedAt),
        CaseReturnVisited e => new(e.EventId, CaseEventType.ReturnVisit, e.At, recordedAt, Result: e.Result),
        CaseVotedOnline e => new(e.EventId, CaseEventType.OnlineVote, e.At, recordedAt, Result: e.Result),
        CaseReopened e => new(e.EventId, CaseEventType.Reopened, e.At, recordedAt),
        _ => null,
    };
}
