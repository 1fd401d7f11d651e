using Hotline.Ledger.Cases;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.Notices;
using Microsoft.Extensions.Options;

namespace Hotline.Ledger.Tests.Cases;

/// <summary>
/// When the work that follows a reply deadline the feed sets is due: the judgement a grace after the deadline's
/// check, the notices' look-ahead the lead time before the deadline, both on the judge's coalescing grid, nothing
/// when the deadline did not move, at once when the instant has passed.
/// </summary>
[Trait("Category", "Domain")]
public class ReplyFollowUpTests
{
    private static readonly DateTimeOffset Now = new(2020, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly DeadlineOptions Deadlines = new() { FeedGrace = TimeSpan.FromHours(1), Coalesce = TimeSpan.FromMinutes(1) };
    private static readonly NoticeOptions Notices = new() { ReplyLead = TimeSpan.FromHours(4) };

    private static CaseFile File(DateTimeOffset? due, DateTimeOffset? check) => new() { CaseNumber = "C1", ReplyDueAt = due, ReplyCheckAt = check };

    [Fact]
    public void The_judgement_follows_a_new_check_a_grace_later_on_the_minute_grid()
    {
        var judgement = new ReplyJudgementFollowUp(Options.Create(Deadlines));
        var check = Now.AddHours(5).AddSeconds(20);

        Assert.Equal(Now.AddHours(6).AddMinutes(1), judgement.DueAt(File(check, check), null, null, Now));
        Assert.Null(judgement.DueAt(File(check, check), check, check, Now));
        Assert.Null(judgement.DueAt(File(null, null), null, null, Now));
        // A check already a grace in the past is judged at once.
        Assert.True(judgement.DueAt(File(Now.AddHours(-2), Now.AddHours(-2)), null, null, Now) <= Now);
        Assert.IsType<JudgeDueDeadlines>(judgement.Message());
    }

    [Fact]
    public void The_look_ahead_follows_a_new_future_deadline_its_lead_before()
    {
        var lookAhead = new ReplyLeadFollowUp(Options.Create(Notices), Options.Create(Deadlines));
        var due = Now.AddHours(10).AddSeconds(30);

        Assert.Equal(Now.AddHours(6).AddMinutes(1), lookAhead.DueAt(File(due, due), null, null, Now));
        Assert.Null(lookAhead.DueAt(File(due, due), null, due, Now));
        // A deadline already passed warns of nothing; one within the lead warns at once.
        Assert.Null(lookAhead.DueAt(File(Now.AddHours(-1), null), null, null, Now));
        Assert.True(lookAhead.DueAt(File(Now.AddHours(2), null), null, null, Now) <= Now);
        Assert.IsType<LookAheadForNotices>(lookAhead.Message());
    }
}
