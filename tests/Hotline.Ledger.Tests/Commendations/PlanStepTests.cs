using Hotline.Ledger.Approvals;
using Hotline.Ledger.Commendations.Plans;
using static Hotline.Ledger.Commendations.Plans.PlanSteps;

namespace Hotline.Ledger.Tests.Commendations;

/// <summary>The road from plan to commendations as a table: every step in every state, allowed or refused.</summary>
[Trait("Category", "Domain")]
public class PlanStepTests
{
    private static readonly DateOnly Opens = new(2021, 1, 11);
    private static readonly DateOnly Closes = new(2021, 1, 20);
    private static readonly DateOnly During = new(2021, 1, 15);
    private static readonly DateOnly After = new(2021, 1, 21);

    private static CommendationPlan Plan(ApprovalStatus status, ApprovalStatus? shortlist = null)
    {
        var at = new DateTimeOffset(2021, 1, 10, 2, 0, 0, TimeSpan.Zero);
        return new CommendationPlan
        {
            Id = Guid.NewGuid(), Year = 2020, Status = status, ApprovedAt = at, ApprovedBy = "leader",
            Terms = new PlanTerms("全市", 1, 1, Opens, Closes, 2, new DateOnly(2020, 12, 31)),
            Shortlist = shortlist is not { } listed ? null : new Shortlist(listed, [], [], at, "office"),
            Issue = status == ApprovalStatus.Commended ? new Issue("信政办〔2021〕1号", After, [], at, "office") : null,
        };
    }

    public static TheoryData<ApprovalStatus, ApprovalStatus?, string, string> Table => new()
    {
        { ApprovalStatus.Draft, null, "during", "Revise Submit" },
        { ApprovalStatus.Returned, null, "during", "Revise Submit" },
        { ApprovalStatus.Submitted, null, "during", "Return Approve" },
        { ApprovalStatus.Submitted, null, "after", "Return" },
        { ApprovalStatus.Approved, null, "before", "" },
        { ApprovalStatus.Approved, null, "during", "Apply" },
        { ApprovalStatus.Approved, null, "after", "DraftShortlist" },
        { ApprovalStatus.Approved, ApprovalStatus.Draft, "after", "DraftShortlist SubmitShortlist" },
        { ApprovalStatus.Approved, ApprovalStatus.Submitted, "after", "ReturnShortlist ApproveShortlist" },
        { ApprovalStatus.Approved, ApprovalStatus.Returned, "after", "DraftShortlist SubmitShortlist" },
        { ApprovalStatus.Approved, ApprovalStatus.Approved, "after", "Issue" },
        { ApprovalStatus.Commended, ApprovalStatus.Approved, "after", "" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_state_allows_exactly_its_next_steps(ApprovalStatus status, ApprovalStatus? shortlist, string when, string allowed)
    {
        var today = when switch { "before" => Opens.AddDays(-1), "during" => During, _ => After };
        var plan = Plan(status, shortlist);
        var actual = Enum.GetValues<Step>().Where(s => Refusal(plan, s, today) is null).Select(s => s.ToString());
        Assert.Equal(allowed, string.Join(' ', actual));
    }

    [Fact]
    public void The_window_includes_its_first_and_last_days_whole()
    {
        var plan = Plan(ApprovalStatus.Approved);
        Assert.NotNull(Refusal(plan, Step.Apply, Opens.AddDays(-1)));
        Assert.Null(Refusal(plan, Step.Apply, Opens));
        Assert.Null(Refusal(plan, Step.Apply, Closes));
        Assert.NotNull(Refusal(plan, Step.Apply, Closes.AddDays(1)));
        Assert.NotNull(Refusal(plan, Step.DraftShortlist, Closes));
        Assert.Null(Refusal(plan, Step.DraftShortlist, Closes.AddDays(1)));
    }

    [Fact]
    public void Every_refusal_says_what_must_happen_first_or_why_nothing_can()
    {
        string[] words = ["first", "final", "open on", "closed", "no longer"];
        foreach (var (status, shortlist, _, _) in Table.Select(r => ((ApprovalStatus)r[0], (ApprovalStatus?)r[1], r[2], r[3])))
        foreach (var today in new[] { Opens.AddDays(-1), During, After })
        foreach (var step in Enum.GetValues<Step>())
        {
            if (Refusal(Plan(status, shortlist), step, today) is not { } refusal) continue;
            Assert.True(words.Any(w => refusal.In(english: true).Contains(w, StringComparison.Ordinal)), $"{status}/{shortlist}/{step}/{today}: {refusal.In(english: true)}");
            // A status in a refusal is worded as the API answers it (draft), never by its C# name (Draft).
            Assert.DoesNotMatch("Draft|Submitted|Returned|Approved|Commended|Deleted", refusal.In(english: false));
        }
    }
}
