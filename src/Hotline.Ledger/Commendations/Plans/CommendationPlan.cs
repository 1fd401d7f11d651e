using JasperFx.Events;

namespace Hotline.Ledger.Commendations.Plans;

/// <summary>One step of the plan's way, with who took it and when.</summary>
public sealed record PlanStep(string Step, DateTimeOffset At, string By, string? Comments);

public sealed record Shortlist(string Status, IReadOnlyList<ShortlistPick> Units, IReadOnlyList<ShortlistPick> People, DateTimeOffset DraftedAt, string DraftedBy);

public sealed record Issue(string DocumentNumber, DateOnly AwardedOn, IReadOnlyList<Guid> CommendationIds, DateTimeOffset IssuedAt, string IssuedBy);

/// <summary>
/// A commendation plan (S1) and everything that follows on its stream: the review's shortlist (S3) and
/// the issue of the commendations (S4). Projected inline.
/// </summary>
public sealed class CommendationPlan
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Approved = "approved";
    public const string Commended = "commended";

    public Guid Id { get; set; }
    public int Year { get; set; }
    public Guid EvaluationId { get; set; }
    public Guid SheetId { get; set; }
    public string SheetSha256 { get; set; } = "";
    public string Rulebook { get; set; } = "";
    public PlanTerms Terms { get; set; } = null!;
    public PlanRules Rules { get; set; } = null!;

    /// <summary>draft, submitted, returned, approved (units apply, the office reviews), commended.</summary>
    public string Status { get; set; } = Draft;

    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public Shortlist? Shortlist { get; set; }
    public Issue? Issue { get; set; }
    public List<PlanStep> Steps { get; set; } = [];

    public static CommendationPlan Create(IEvent<CommendationPlanDrafted> e)
    {
        var d = e.Data;
        var plan = new CommendationPlan
        {
            Id = d.PlanId, Year = d.Year, EvaluationId = d.EvaluationId, SheetId = d.SheetId, SheetSha256 = d.SheetSha256,
            Rulebook = d.Rulebook, Terms = d.Terms, Rules = d.Rules,
        };
        plan.Steps.Add(new("drafted", e.Timestamp, d.DraftedBy, null));
        return plan;
    }

    public void Apply(IEvent<CommendationPlanRevised> e)
    {
        Terms = e.Data.Terms;
        Steps.Add(new("revised", e.Timestamp, e.Data.RevisedBy, null));
    }

    public void Apply(IEvent<CommendationPlanSubmitted> e)
    {
        Status = Submitted;
        Steps.Add(new("submitted", e.Timestamp, e.Data.SubmittedBy, null));
    }

    public void Apply(IEvent<CommendationPlanReturned> e)
    {
        Status = Returned;
        Steps.Add(new("returned", e.Timestamp, e.Data.ReturnedBy, e.Data.Comments));
    }

    public void Apply(IEvent<CommendationPlanApproved> e)
    {
        Status = Approved;
        ApprovedAt = e.Timestamp;
        ApprovedBy = e.Data.ApprovedBy;
        Steps.Add(new("approved", e.Timestamp, e.Data.ApprovedBy, null));
    }

    public void Apply(IEvent<ShortlistDrafted> e)
    {
        Shortlist = new(Draft, e.Data.Units, e.Data.People, e.Timestamp, e.Data.DraftedBy);
        Steps.Add(new("shortlistDrafted", e.Timestamp, e.Data.DraftedBy, null));
    }

    public void Apply(IEvent<ShortlistSubmitted> e)
    {
        Shortlist = Shortlist! with { Status = Submitted };
        Steps.Add(new("shortlistSubmitted", e.Timestamp, e.Data.SubmittedBy, null));
    }

    public void Apply(IEvent<ShortlistReturned> e)
    {
        Shortlist = Shortlist! with { Status = Returned };
        Steps.Add(new("shortlistReturned", e.Timestamp, e.Data.ReturnedBy, e.Data.Comments));
    }

    public void Apply(IEvent<ShortlistApproved> e)
    {
        Shortlist = Shortlist! with { Status = Approved };
        Steps.Add(new("shortlistApproved", e.Timestamp, e.Data.ApprovedBy, null));
    }

    public void Apply(IEvent<CommendationsIssued> e)
    {
        Status = Commended;
        Issue = new(e.Data.DocumentNumber, e.Data.AwardedOn, e.Data.CommendationIds, e.Timestamp, e.Data.IssuedBy);
        Steps.Add(new("commended", e.Timestamp, e.Data.IssuedBy, e.Data.DocumentNumber));
    }

    /// <summary>When the last step of the given kind was taken, for the refusals' wording.</summary>
    public string Last(string step) => Steps.LastOrDefault(s => s.Step == step) is { } s ? $"{s.At:O} by {s.By}" : "an earlier time";
}
