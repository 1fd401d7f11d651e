using Hotline.Ledger.Cases;
using Hotline.Ledger.Cases.Feed;
using Hotline.Ledger.Deadlines;
using Microsoft.Extensions.Options;

namespace Hotline.Ledger.Notices;

/// <summary>The notices' look-ahead runs the lead time before a new reply deadline (ADR 0098), on the judge's grid.</summary>
public sealed class ReplyLeadFollowUp(IOptions<NoticeOptions> notices, IOptions<DeadlineOptions> deadlines) : IReplyFollowUp
{
    public DateTimeOffset? DueAt(CaseFile file, DateTimeOffset? previousCheck, DateTimeOffset? previousDue, DateTimeOffset now)
    {
        if (file.ReplyDueAt is not { } due || due == previousDue || due <= now) return null;
        var warnAt = due - notices.Value.ReplyLead;
        return warnAt <= now ? warnAt : deadlines.Value.CheckTimeFor(warnAt);
    }

    public object Message() => new LookAheadForNotices();
}
