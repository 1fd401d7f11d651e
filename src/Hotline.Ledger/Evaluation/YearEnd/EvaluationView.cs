using Hotline.Ledger.Approvals;
using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>
/// The evaluation with its scores (item by item, with grades), the office's remarks and every step
/// taken. Once <see cref="Status"/> is "approved" none of it changes.
/// </summary>
public sealed record EvaluationView(
    Guid Id,
    int Year,
    ApprovalStatus Status,
    string Sha256,
    DateOnly AsOf,
    DateTimeOffset KnownAt,
    long LastSequence,
    string Rulebook,
    string? Digest,
    DateTimeOffset? ApprovedAt,
    string? ApprovedBy,
    IReadOnlyList<UnitRemark> Remarks,
    IReadOnlyList<ApprovalStep> Steps,
    IReadOnlyList<SheetClause> Clauses,
    IReadOnlyList<SheetUnit> Units,
    IReadOnlyList<SheetPerson> People,
    Completeness Missing,
    IReadOnlyList<OverrideRecord> Overrides)
{
    // Missing: what the evaluation lacks (ADR 0066); Overrides: each step taken although it was incomplete, and why.
    public static EvaluationView Of(YearEndEvaluation e, ScoreSheet s, Completeness missing) => new(
        e.Id, e.Year, e.Status, e.Sha256, s.AsOf, s.KnownAt, s.LastSequence, s.Rulebook, s.Digest, e.ApprovedAt, e.ApprovedBy,
        e.Remarks, e.Steps, s.Clauses, s.Units, s.People, missing, e.Overrides);

    /// <summary>The evaluation as saved, each step with the instant the store recorded it.</summary>
    public static async Task<EvaluationView> ReadBackAsync(Written<EvaluationView> written, IDocumentSession session, RulebookCatalog rulebooks)
    {
        var evaluation = await session.LoadAsync<YearEndEvaluation>(written.Id);
        var stored = await session.LoadAsync<StoredSheet>(evaluation!.SheetId);
        return Of(evaluation, stored!.Sheet, await YearEndEvaluations.Missing(session, rulebooks, evaluation, stored.Sheet));
    }
}

public sealed record EvaluationSummary(Guid Id, int Year, ApprovalStatus Status, DateTimeOffset KnownAt, string Sha256, DateTimeOffset? ApprovedAt, string? ApprovedBy)
{
    public static EvaluationSummary Of(YearEndEvaluation e) => new(e.Id, e.Year, e.Status, e.KnownAt, e.Sha256, e.ApprovedAt, e.ApprovedBy);
}
