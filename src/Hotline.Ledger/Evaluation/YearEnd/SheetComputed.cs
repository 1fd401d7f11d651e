namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>A computed sheet an evaluation points at, with the query that produced it (stored as <see cref="Sheets.StoredSheet"/>).</summary>
public sealed record SheetComputed(Guid SheetId, string Sha256, DateOnly AsOf, DateTimeOffset KnownAt, long LastSequence, string Rulebook, string? Digest);

/// <summary>The office computes the item-by-item scores as of 31 December and drafts the preliminary opinion (M3). Starts the stream.</summary>
public sealed record EvaluationDrafted(Guid EvaluationId, int Year, SheetComputed Sheet, string DraftedBy);

/// <summary>The draft's scores are computed again from the ledger as it stands now (after corrections or appeals).</summary>
public sealed record EvaluationRecomputed(Guid EvaluationId, SheetComputed Sheet, string RecomputedBy);

/// <summary>The office's remark on a unit in the preliminary opinion; the latest per unit stands.</summary>
public sealed record UnitRemarked(Guid EvaluationId, Guid UnitId, string Text, string RemarkedBy);

/// <summary>
/// The office submits the preliminary opinion. <see cref="OverrideReason"/> and <see cref="Missing"/> are set when it
/// was submitted incomplete on purpose (ADR 0066): why, and what was missing then.
/// </summary>
public sealed record EvaluationSubmitted(Guid EvaluationId, string SubmittedBy, string? OverrideReason = null, Completeness? Missing = null);

/// <summary>A leader sends the opinion back with comments; the office may change it and submit it again.</summary>
public sealed record EvaluationReturned(Guid EvaluationId, string Comments, string ReturnedBy);

/// <summary>A leader approves: the sheet (pinned by its hash) and the remarks are the year's final result.</summary>
/// <see cref="OverrideReason"/> and <see cref="Missing"/> are set when it was approved incomplete on purpose (ADR 0066).
public sealed record EvaluationApproved(Guid EvaluationId, Guid SheetId, string Sha256, string ApprovedBy, string? OverrideReason = null,
    Completeness? Missing = null);
