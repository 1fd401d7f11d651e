using Hotline.Ledger.Evaluation.Sheets;

namespace Hotline.Ledger.Accountability.Bundle;

/// <summary>The approved result the referral rests on, and the subject's row of it.</summary>
public sealed record BundleResult(
    // The evaluation, and the query on both clocks its sheet was computed by.
    Guid EvaluationId, int Year, string Sha256, DateOnly AsOf, DateTimeOffset KnownAt, long LastSequence, string Rulebook, string? Digest,
    DateTimeOffset? ApprovedAt, string? ApprovedBy,
    // The subject's row of it.
    int Rank, decimal Total, decimal CriteriaTotal, decimal BonusTotal, decimal DeductionTotal, string? Grade,
    IReadOnlyList<SheetDeduction> Deductions);
