using Hotline.Ledger.Approvals;

namespace Hotline.Ledger.Commendations.Plans;

/// <summary>
/// The order of the road from the plan to the commendations (S1 → S4), as a pure rule: each refusal
/// says what must happen first. <c>today</c> is the office's date, for the application window.
/// </summary>
public static class PlanSteps
{
    public enum Step { Revise, Submit, Return, Approve, Apply, DraftShortlist, SubmitShortlist, ReturnShortlist, ApproveShortlist, Issue }

    public static Refusal? Refusal(CommendationPlan p, Step step, DateOnly today)
    {
        var route = $"/api/commendation-plans/{p.Id}";
        if (p.Status == ApprovalStatus.Commended)
            return new("plan.commended", p.Year, p.Issue!.IssuedAt, p.Issue.IssuedBy, p.Issue.DocumentNumber);

        if (step == Step.Approve && p.Status == ApprovalStatus.Submitted && today > p.Terms.ClosesOn)
            return new("plan.windowClosedUnapproved", p.Terms.ClosesOn, route);

        return step switch
        {
            Step.Revise or Step.Submit or Step.Return or Step.Approve => PlanItself(p, step, route),
            Step.Apply => Application(p, today, route),
            _ => Review(p, step, today, route),
        };
    }

    private static Refusal? PlanItself(CommendationPlan p, Step step, string route) => p.Status == ApprovalStatus.Approved
        ? new("plan.approved", p.ApprovedAt, p.ApprovedBy)
        : p.OutOfOrder(step switch
        {
            Step.Revise => ApprovalMove.Edit,
            Step.Submit => ApprovalMove.Submit,
            Step.Return => ApprovalMove.Return,
            _ => ApprovalMove.Approve,
        }, step.ToString(), "plan", route);

    private static Refusal? Application(CommendationPlan p, DateOnly today, string route)
    {
        if (p.Status != ApprovalStatus.Approved) return NotApproved(p, route, "plan.before.apply");
        if (p.Shortlist is { } s)
            return new("plan.apply.reviewBegun", s.DraftedAt);
        if (today < p.Terms.OpensOn)
            return new("plan.apply.notOpen", p.Terms.OpensOn, today);
        if (today > p.Terms.ClosesOn)
            return new("plan.apply.closed", p.Terms.ClosesOn, today);
        return null;
    }

    private static Refusal? Review(CommendationPlan p, Step step, DateOnly today, string route)
    {
        if (p.Status != ApprovalStatus.Approved) return NotApproved(p, route, "plan.before.review");
        var shortlist = p.Shortlist?.Status;
        return (step, shortlist) switch
        {
            (Step.DraftShortlist, null or ApprovalStatus.Draft or ApprovalStatus.Returned) when today <= p.Terms.ClosesOn =>
                new Refusal("shortlist.windowOpen", p.Terms.ClosesOn),
            (Step.DraftShortlist, null or ApprovalStatus.Draft or ApprovalStatus.Returned) => null,
            (Step.SubmitShortlist, ApprovalStatus.Draft or ApprovalStatus.Returned) => null,
            (Step.ReturnShortlist or Step.ApproveShortlist, ApprovalStatus.Submitted) => null,
            (Step.Issue, ApprovalStatus.Approved) => null,

            (_, ApprovalStatus.Approved) =>
                new Refusal("shortlist.approved", p.Last("shortlistApproved")),
            (Step.DraftShortlist, ApprovalStatus.Submitted) =>
                new Refusal("shortlist.withLeadership", p.Last("shortlistSubmitted"), route),
            (Step.SubmitShortlist, ApprovalStatus.Submitted) =>
                new Refusal("shortlist.alreadySubmitted", p.Last("shortlistSubmitted")),
            (Step.SubmitShortlist or Step.ReturnShortlist or Step.ApproveShortlist or Step.Issue, null) =>
                new Refusal("shortlist.none", route),
            (Step.ReturnShortlist or Step.ApproveShortlist, ApprovalStatus.Draft) =>
                new Refusal("shortlist.draft", route),
            (Step.ReturnShortlist or Step.ApproveShortlist, ApprovalStatus.Returned) =>
                new Refusal("shortlist.returned", p.Last("shortlistReturned"), route),
            (Step.Issue, _) =>
                new Refusal("shortlist.notApproved", shortlist, route),
            _ => new Refusal("shortlist.cannotFollow", shortlist, step.ToString()),
        };
    }

    private static Refusal NotApproved(CommendationPlan p, string route, string what) => p.Status switch
    {
        ApprovalStatus.Submitted => new("plan.notApproved.submitted", p.Last("submitted"), route, new Refusal(what)),
        ApprovalStatus.Returned => new("plan.notApproved.returned", p.Last("returned"), new Refusal(what)),
        _ => new("plan.notApproved.draft", route, new Refusal(what)),
    };

    /// <summary>True while a plan's application window includes the office date <paramref name="today"/>.</summary>
    public static bool WindowOpen(PlanTerms terms, DateOnly today) => terms.OpensOn <= today && today <= terms.ClosesOn;
}
