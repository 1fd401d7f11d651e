namespace Hotline.Ledger.Benchmarks.City;

/// <summary>
/// One thing that happens in the synthetic city, at the instant the ledger learns it. A ledger
/// fact is a domain event on its stream; a case-feed event is the platform's row as the batch route
/// receives it.
/// </summary>
public abstract record CityOp(DateTimeOffset RecordedAt)
{
    public abstract Family Family { get; }
}

public enum Family
{
    /// <summary>Registry, entries, rescissions, marks, self-checks, spot checks: written through the ledger's domain.</summary>
    Ledger,

    /// <summary>The hotline platform's case events .</summary>
    CaseFeed,
}

/// <summary>A domain event on a stream; <see cref="StartsStream"/> when it is the stream's first.</summary>
public sealed record LedgerOp(DateTimeOffset RecordedAt, Guid StreamId, object Event, bool StartsStream) : CityOp(RecordedAt)
{
    public override Family Family => Family.Ledger;

    /// <summary>For a rescission: the entry it rescinds, so once-per-year claims can be released.</summary>
    public EntryRecorded? Rescinds { get; init; }
}

/// <summary>A row of the case feed (API.md, "The case feed").</summary>
public sealed record CaseFeedEvent(
    string EventId,
    string CaseNumber,
    string Type,
    DateTimeOffset At,
    Guid? UnitId = null,
    Guid? PersonId = null,
    DateTimeOffset? ReplyDueAt = null,
    DateTimeOffset? CompletionDueAt = null,
    string? Result = null);

/// <summary>A case-feed row, with the case's stream id (a stream per case, ADR 0002) for the baselines.</summary>
public sealed record CaseOp(DateTimeOffset RecordedAt, Guid CaseStream, CaseFeedEvent Event) : CityOp(RecordedAt)
{
    public override Family Family => Family.CaseFeed;
}
