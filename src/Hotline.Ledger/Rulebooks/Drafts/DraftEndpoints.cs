using Hotline.Ledger.Approvals;

namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>Draft rulebooks (ADR 0090): the office drafts and revises, the auditor and the leadership read. Each step has its own endpoint.</summary>
public static class DraftEndpoints
{
    [WolverineGet(DraftProblems.Route, OperationId = "listRulebookDrafts")]
    public static async Task<IReadOnlyList<DraftSummary>> List(IQuerySession session)
    {
        var drafts = await session.Query<RulebookDraft>().Where(d => d.Status != ApprovalStatus.Deleted).ToListAsync();
        return drafts.OrderBy(d => d.DraftedAt).Select(DraftSummary.Of).ToList();
    }

    internal static async Task<RulebookDraft?> Live(IQuerySession session, Guid id) =>
        await session.LoadAsync<RulebookDraft>(id) is { IsGone: false } draft ? draft : null;
}
