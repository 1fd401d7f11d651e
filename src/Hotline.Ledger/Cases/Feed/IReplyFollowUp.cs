namespace Hotline.Ledger.Cases.Feed;

/// <summary>
/// Work that follows a reply deadline the feed sets or moves (the judgement once it has passed, the notices'
/// warning before it), sent in the feed's own transaction through Wolverine's outbox, so a restart loses none.
/// The slices that do the work implement it and the feed, below them, does not name them.
/// </summary>
public interface IReplyFollowUp
{
    /// <summary>
    /// When the follow-up of <paramref name="file"/>'s deadline is due, given the deadline before this batch:
    /// null for none, an instant not after <paramref name="now"/> for at once.
    /// </summary>
    DateTimeOffset? DueAt(CaseFile file, DateTimeOffset? previousCheck, DateTimeOffset? previousDue, DateTimeOffset now);

    /// <summary>The message that does the work; it reads the clock itself, so one message serves every case.</summary>
    object Message();
}
