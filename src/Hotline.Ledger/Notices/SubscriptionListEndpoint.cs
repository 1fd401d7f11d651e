using Hotline.Ledger.Registry;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Notices;

public static class SubscriptionListEndpoint
{
    /// <summary>The subscriptions, oldest first; a liaison's own unit's only.</summary>
    [WolverineGet("/api/notice-subscriptions", OperationId = "noticeSubscriptions")]
    public static async Task<IReadOnlyList<SubscriptionView>> List(IQuerySession session, HttpContext http)
    {
        var scope = await LiaisonScope.Of(http, session);
        var all = await session.Query<NoticeSubscription>().OrderBy(s => s.CreatedAt).ToListAsync(http.RequestAborted);
        return all.Where(s => !scope.Confined || (s.UnitId is { } u && scope.Sees(u))).Select(s => SubscriptionView.Of(s)).ToList();
    }
}
