using Hotline.Ledger.Approvals;

namespace Hotline.Ledger.Commendations.Plans;

/// <summary>
/// The order of the road from the plan to the commendations (S1 → S4), as a pure rule: each refusal
/// says what must happen first. <c>today</c> is the office's date, for the application window.
/// </summary>
public static class PlanSteps
{
    public enum Step { Revise, Submit, Return, Approve, Apply, DraftShortlist, SubmitShortlist, ReturnShortlist, ApproveShortlist, Issue }

    public static string? Refusal(CommendationPlan p, Step step, DateOnly today)
    {
        var route = $"/api/commendation-plans/{p.Id}";
        if (p.Status == CommendationPlan.Commended)
            return $"The {p.Year} commendations were issued at {p.Issue!.IssuedAt:O} by {p.Issue.IssuedBy} ({p.Issue.DocumentNumber}); the plan is complete and final.";

        if (step == Step.Approve && p.Status == CommendationPlan.Submitted && today > p.Terms.ClosesOn)
            return $"The plan's application window closed at the end of {p.Terms.ClosesOn:yyyy-MM-dd}; no unit could apply. A leader returns it (POST {route}/return) so that the office sets a new window first.";

        return step switch
        {
            Step.Revise or Step.Submit or Step.Return or Step.Approve => PlanItself(p, step, route),
            Step.Apply => Application(p, today, route),
            _ => Review(p, step, today, route),
        };
    }

    private static string? PlanItself(CommendationPlan p, Step step, string route) => p.Status == CommendationPlan.Approved
        ? $"The plan was approved at {p.ApprovedAt:O} by {p.ApprovedBy}; its terms are final."
        : p.OutOfOrder(step switch
        {
            Step.Revise => ApprovalMove.Edit,
            Step.Submit => ApprovalMove.Submit,
            Step.Return => ApprovalMove.Return,
            _ => ApprovalMove.Approve,
        }, step.ToString(), "plan", route);

    private static string? Application(CommendationPlan p, DateOnly today, string route)
    {
        if (p.Status != CommendationPlan.Approved) return NotApproved(p, route, "units apply");
        if (p.Shortlist is { } s)
            return $"The office began the review (shortlist drafted at {s.DraftedAt:O}); applications are closed.";
        if (today < p.Terms.OpensOn)
            return $"Applications open on {p.Terms.OpensOn:yyyy-MM-dd} (Asia/Shanghai); today is {today:yyyy-MM-dd}. Apply once the window opens.";
        if (today > p.Terms.ClosesOn)
            return $"The application window closed at the end of {p.Terms.ClosesOn:yyyy-MM-dd} (Asia/Shanghai); today is {today:yyyy-MM-dd}. Applications are no longer taken.";
        return null;
    }

    private static string? Review(CommendationPlan p, Step step, DateOnly today, string route)
    {
        if (p.Status != CommendationPlan.Approved) return NotApproved(p, route, "the review begins");
        var shortlist = p.Shortlist?.Status;
        return (step, shortlist) switch
        {
            (Step.DraftShortlist, null or CommendationPlan.Draft or CommendationPlan.Returned) when today <= p.Terms.ClosesOn =>
                $"Applications are open until the end of {p.Terms.ClosesOn:yyyy-MM-dd} (Asia/Shanghai); the window must close first, so that the shortlist is drawn from every application.",
            (Step.DraftShortlist, null or CommendationPlan.Draft or CommendationPlan.Returned) => null,
            (Step.SubmitShortlist, CommendationPlan.Draft or CommendationPlan.Returned) => null,
            (Step.ReturnShortlist or Step.ApproveShortlist, CommendationPlan.Submitted) => null,
            (Step.Issue, CommendationPlan.Approved) => null,

            (_, CommendationPlan.Approved) =>
                $"The shortlist was approved at {p.Last("shortlistApproved")}; it is final. Issue the commendations (POST /api/commendations).",
            (Step.DraftShortlist, CommendationPlan.Submitted) =>
                $"The shortlist is with the leadership (submitted at {p.Last("shortlistSubmitted")}); a leader must return it first (POST {route}/shortlist/return).",
            (Step.SubmitShortlist, CommendationPlan.Submitted) =>
                $"The shortlist was already submitted at {p.Last("shortlistSubmitted")}; a leader approves it or returns it first.",
            (Step.SubmitShortlist or Step.ReturnShortlist or Step.ApproveShortlist or Step.Issue, null) =>
                $"There is no shortlist yet; the office must draw it up (POST {route}/shortlist) and submit it first.",
            (Step.ReturnShortlist or Step.ApproveShortlist, CommendationPlan.Draft) =>
                $"The shortlist is a draft; the office must submit it first (POST {route}/shortlist/submit).",
            (Step.ReturnShortlist or Step.ApproveShortlist, CommendationPlan.Returned) =>
                $"The shortlist was returned at {p.Last("shortlistReturned")}; the office must submit it again first (POST {route}/shortlist/submit).",
            (Step.Issue, _) =>
                $"The shortlist is {shortlist}; a leader must approve it first (POST {route}/shortlist/approve).",
            _ => $"The shortlist is {shortlist}; '{step}' cannot follow.",
        };
    }

    private static string NotApproved(CommendationPlan p, string route, string what) => p.Status switch
    {
        CommendationPlan.Submitted => $"The plan is with the leadership (submitted at {p.Last("submitted")}); a leader must approve it first (POST {route}/approve) before {what}.",
        CommendationPlan.Returned => $"The plan was returned at {p.Last("returned")}; the office must submit it again and a leader approve it first, before {what}.",
        _ => $"The plan is a draft; the office must submit it (POST {route}/submit) and a leader approve it first, before {what}.",
    };

    /// <summary>True while a plan's application window includes the office date <paramref name="today"/>.</summary>
    public static bool WindowOpen(PlanTerms terms, DateOnly today) => terms.OpensOn <= today && today <= terms.ClosesOn;
}
