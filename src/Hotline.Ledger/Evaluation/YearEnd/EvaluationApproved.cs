namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>
/// A leader approves: the sheet (pinned by its hash) and the remarks are the year's final result.
/// <see cref="OverrideReason"/> and <see cref="Missing"/> are set when it was approved incomplete on purpose (ADR 0066).
/// </summary>
public sealed record EvaluationApproved(Guid EvaluationId, Guid SheetId, string Sha256, string ApprovedBy, string? OverrideReason = null,
    Completeness? Missing = null);
