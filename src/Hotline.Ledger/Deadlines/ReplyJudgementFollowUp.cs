using Hotline.Ledger.Cases;
using Hotline.Ledger.Cases.Feed;
using Microsoft.Extensions.Options;

namespace Hotline.Ledger.Deadlines;

/// <summary>A reply deadline the feed sets is judged a grace after it, on the coalescing grid (ADR 0023).</summary>
public sealed class ReplyJudgementFollowUp(IOptions<DeadlineOptions> options) : IReplyFollowUp
{
    public DateTimeOffset? DueAt(CaseFile file, DateTimeOffset? previousCheck, DateTimeOffset? previousDue, DateTimeOffset now)
    {
        if (file.ReplyCheckAt is not { } check || check == previousCheck) return null;
        var at = check + options.Value.FeedGrace;
        return at <= now ? at : options.Value.CheckTimeFor(at);
    }

    public object Message() => new JudgeDueDeadlines();
}
