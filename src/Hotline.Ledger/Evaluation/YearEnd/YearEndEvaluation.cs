using Hotline.Ledger.Approvals;

namespace Hotline.Ledger.Evaluation.YearEnd;

public sealed record UnitRemark(Guid UnitId, string Text, DateTimeOffset RemarkedAt, string RemarkedBy);

/// <summary>A year-end evaluation (M3), projected inline from its stream.</summary>
public sealed class YearEndEvaluation : ApprovalTrail
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public Guid SheetId { get; set; }
    public string Sha256 { get; set; } = "";
    public DateOnly AsOf { get; set; }
    public DateTimeOffset KnownAt { get; set; }
    public long LastSequence { get; set; }
    public string Rulebook { get; set; } = "";
    public string? Digest { get; set; }
    public List<UnitRemark> Remarks { get; set; } = [];

    /// <summary>Each time a step went on although the evaluation was incomplete, with the reason given (ADR 0066).</summary>
    public List<OverrideRecord> Overrides { get; set; } = [];

    public static YearEndEvaluation Create(IEvent<EvaluationDrafted> e)
    {
        var evaluation = new YearEndEvaluation { Id = e.Data.EvaluationId, Year = e.Data.Year };
        evaluation.Point(e.Data.Sheet);
        evaluation.Took("drafted", e.Timestamp, e.Data.DraftedBy);
        return evaluation;
    }

    public void Apply(IEvent<EvaluationRecomputed> e)
    {
        Point(e.Data.Sheet);
        Took("recomputed", e.Timestamp, e.Data.RecomputedBy);
    }

    public void Apply(IEvent<UnitRemarked> e)
    {
        Remarks.RemoveAll(r => r.UnitId == e.Data.UnitId);
        Remarks.Add(new(e.Data.UnitId, e.Data.Text, e.Timestamp, e.Data.RemarkedBy));
        Took("remarked", e.Timestamp, e.Data.RemarkedBy);
    }

    public void Apply(IEvent<EvaluationSubmitted> e)
    {
        Submit(e.Timestamp, e.Data.SubmittedBy, e.Data.OverrideReason is { } reason ? $"缺项仍报送，理由：{reason}" : null);
        Overridden("submitted", e.Timestamp, e.Data.SubmittedBy, e.Data.OverrideReason, e.Data.Missing);
    }

    public void Apply(IEvent<EvaluationReturned> e) => Return(e.Timestamp, e.Data.ReturnedBy, e.Data.Comments);

    public void Apply(IEvent<EvaluationApproved> e)
    {
        Approve(e.Timestamp, e.Data.ApprovedBy, e.Data.OverrideReason is { } reason ? $"缺项仍批准，理由：{reason}" : null);
        Overridden("approved", e.Timestamp, e.Data.ApprovedBy, e.Data.OverrideReason, e.Data.Missing);
    }

    private void Overridden(string step, DateTimeOffset at, string by, string? reason, Completeness? missing)
    {
        if (reason is not null) Overrides.Add(new OverrideRecord(step, at, by, reason, missing ?? new Completeness(false, [], [])));
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
