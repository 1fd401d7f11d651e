using JasperFx.Events;

namespace Hotline.Ledger.Evaluation.YearEnd;

public sealed record UnitRemark(Guid UnitId, string Text, DateTimeOffset RemarkedAt, string RemarkedBy);

/// <summary>One step of the evaluation's way to approval, with who took it and when.</summary>
public sealed record EvaluationStep(string Step, DateTimeOffset At, string By, string? Comments);

/// <summary>A year-end evaluation (M3), projected inline from its stream.</summary>
public sealed class YearEndEvaluation
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Approved = "approved";

    public Guid Id { get; set; }
    public int Year { get; set; }
    public string Status { get; set; } = Draft;
    public Guid SheetId { get; set; }
    public string Sha256 { get; set; } = "";
    public DateOnly AsOf { get; set; }
    public DateTimeOffset KnownAt { get; set; }
    public long LastSequence { get; set; }
    public string Rulebook { get; set; } = "";
    public string? Digest { get; set; }
    public List<UnitRemark> Remarks { get; set; } = [];
    public List<EvaluationStep> Steps { get; set; } = [];
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }

    public static YearEndEvaluation Create(IEvent<EvaluationDrafted> e)
    {
        var evaluation = new YearEndEvaluation { Id = e.Data.EvaluationId, Year = e.Data.Year };
        evaluation.Point(e.Data.Sheet);
        evaluation.Steps.Add(new("drafted", e.Timestamp, e.Data.DraftedBy, null));
        return evaluation;
    }

    public void Apply(IEvent<EvaluationRecomputed> e)
    {
        Point(e.Data.Sheet);
        Steps.Add(new("recomputed", e.Timestamp, e.Data.RecomputedBy, null));
    }

    public void Apply(IEvent<UnitRemarked> e)
    {
        Remarks.RemoveAll(r => r.UnitId == e.Data.UnitId);
        Remarks.Add(new(e.Data.UnitId, e.Data.Text, e.Timestamp, e.Data.RemarkedBy));
        Steps.Add(new("remarked", e.Timestamp, e.Data.RemarkedBy, null));
    }

    public void Apply(IEvent<EvaluationSubmitted> e)
    {
        Status = Submitted;
        Steps.Add(new("submitted", e.Timestamp, e.Data.SubmittedBy, null));
    }

    public void Apply(IEvent<EvaluationReturned> e)
    {
        Status = Returned;
        Steps.Add(new("returned", e.Timestamp, e.Data.ReturnedBy, e.Data.Comments));
    }

    public void Apply(IEvent<EvaluationApproved> e)
    {
        Status = Approved;
        ApprovedAt = e.Timestamp;
        ApprovedBy = e.Data.ApprovedBy;
        Steps.Add(new("approved", e.Timestamp, e.Data.ApprovedBy, null));
    }

    private void Point(SheetComputed sheet)
    {
        SheetId = sheet.SheetId;
        Sha256 = sheet.Sha256;
        AsOf = sheet.AsOf;
        KnownAt = sheet.KnownAt;
        LastSequence = sheet.LastSequence;
        Rulebook = sheet.Rulebook;
        Digest = sheet.Digest;
    }
}
