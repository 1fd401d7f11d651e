namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>
/// The office submits the preliminary opinion. <see cref="OverrideReason"/> and <see cref="Missing"/> are set when it
/// was submitted incomplete on purpose (ADR 0066): why, and what was missing then.
/// </summary>
public sealed record EvaluationSubmitted(Guid EvaluationId, string SubmittedBy, string? OverrideReason = null, Completeness? Missing = null);
