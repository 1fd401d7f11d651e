using Hotline.Ledger.Approvals;
using Hotline.Ledger.Evaluation.Sheets;

namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>
/// A year's approved year-end result with its frozen sheet: what commendations and accountability
/// referrals rest on. Without one, <see cref="Missing"/> says what must happen first.
/// </summary>
public sealed record ApprovedResult(YearEndEvaluation Evaluation, StoredSheet Stored)
{
    public ScoreSheet Sheet => Stored.Sheet;

    public static async Task<(ApprovedResult? Result, Refusal? Missing)> Of(IQuerySession session, int year)
    {
        var evaluation = await session.Query<YearEndEvaluation>().FirstOrDefaultAsync(e => e.Year == year);
        if (evaluation is null)
            return (null, new Refusal("result.notApproved.none", year));

        var route = $"/api/evaluations/{evaluation.Id}";
        if (evaluation.Status != ApprovalStatus.Approved)
            return (null, evaluation.Status == ApprovalStatus.Submitted
                ? new Refusal("result.notApproved.submitted", year, evaluation.Id, route)
                : new Refusal("result.notApproved", year, evaluation.Id, evaluation.Status, route));

        var stored = await session.LoadAsync<StoredSheet>(evaluation.SheetId);
        return (new ApprovedResult(evaluation, stored!), null);
    }

    public static async Task<ApprovedResult> Load(IQuerySession session, Guid evaluationId)
    {
        var evaluation = await session.LoadAsync<YearEndEvaluation>(evaluationId);
        var stored = await session.LoadAsync<StoredSheet>(evaluation!.SheetId);
        return new ApprovedResult(evaluation, stored!);
    }
}
