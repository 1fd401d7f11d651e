using Hotline.Ledger.Approvals;

namespace Hotline.Ledger.Commendations.Plans;

public sealed record Shortlist(ApprovalStatus Status, IReadOnlyList<ShortlistPick> Units, IReadOnlyList<ShortlistPick> People, DateTimeOffset DraftedAt, string DraftedBy);

public sealed record Issue(string DocumentNumber, DateOnly AwardedOn, IReadOnlyList<Guid> CommendationIds, DateTimeOffset IssuedAt, string IssuedBy);

/// <summary>
/// A commendation plan (S1) and everything that follows on its stream: the review's shortlist (S3) and
/// the issue of the commendations (S4). Projected inline.
/// </summary>
public sealed class CommendationPlan : ApprovalTrail
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public Guid EvaluationId { get; set; }
    public Guid SheetId { get; set; }
    public string SheetSha256 { get; set; } = "";
    public string Rulebook { get; set; } = "";
    public PlanTerms Terms { get; set; } = null!;
    public PlanRules Rules { get; set; } = null!;

    public Shortlist? Shortlist { get; set; }
    public Issue? Issue { get; set; }

    public static CommendationPlan Create(IEvent<CommendationPlanDrafted> e)
    {
        var d = e.Data;
        var plan = new CommendationPlan
        {
            Id = d.PlanId, Year = d.Year, EvaluationId = d.EvaluationId, SheetId = d.SheetId, SheetSha256 = d.SheetSha256,
            Rulebook = d.Rulebook, Terms = d.Terms, Rules = d.Rules,
        };
        plan.Took("drafted", e.Timestamp, d.DraftedBy);
        return plan;
    }

    public void Apply(IEvent<CommendationPlanRevised> e)
    {
        Terms = e.Data.Terms;
        Took("revised", e.Timestamp, e.Data.RevisedBy);
    }

    public void Apply(IEvent<CommendationPlanSubmitted> e) => Submit(e.Timestamp, e.Data.SubmittedBy);

    public void Apply(IEvent<CommendationPlanReturned> e) => Return(e.Timestamp, e.Data.ReturnedBy, e.Data.Comments);

    public void Apply(IEvent<CommendationPlanApproved> e) => Approve(e.Timestamp, e.Data.ApprovedBy);

    public void Apply(IEvent<ShortlistDrafted> e)
    {
        Shortlist = new(ApprovalStatus.Draft, e.Data.Units, e.Data.People, e.Timestamp, e.Data.DraftedBy);
        Took("shortlistDrafted", e.Timestamp, e.Data.DraftedBy);
    }

    public void Apply(IEvent<ShortlistSubmitted> e)
    {
        Shortlist = Shortlist! with { Status = ApprovalStatus.Submitted };
        Took("shortlistSubmitted", e.Timestamp, e.Data.SubmittedBy);
    }

    public void Apply(IEvent<ShortlistReturned> e)
    {
        Shortlist = Shortlist! with { Status = ApprovalStatus.Returned };
        Took("shortlistReturned", e.Timestamp, e.Data.ReturnedBy, e.Data.Comments);
    }

    public void Apply(IEvent<ShortlistApproved> e)
    {
        Shortlist = Shortlist! with { Status = ApprovalStatus.Approved };
        Took("shortlistApproved", e.Timestamp, e.Data.ApprovedBy);
    }

    public void Apply(IEvent<CommendationsIssued> e)
    {
        Status = ApprovalStatus.Commended;
        Issue = new(e.Data.DocumentNumber, e.Data.AwardedOn, e.Data.CommendationIds, e.Timestamp, e.Data.IssuedBy);
        Took("commended", e.Timestamp, e.Data.IssuedBy, e.Data.DocumentNumber);
    }
}
