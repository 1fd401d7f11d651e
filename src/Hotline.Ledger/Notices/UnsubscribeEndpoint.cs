using Hotline.Ledger.Registry;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Notices;

public static class UnsubscribeEndpoint
{
    /// <summary>The subscription, or the refusal: unknown, or another unit's for a liaison (403).</summary>
    public static async Task<(NoticeSubscription? Subscription, ProblemDetails Problem)> LoadAsync(Guid id, IQuerySession session, HttpContext http)
    {
        var subscription = await session.LoadAsync<NoticeSubscription>(id, http.RequestAborted);
        if (subscription is null) return (null, Problems.NotFoundProblem("notice subscription", id));
        var scope = await LiaisonScope.Of(http, session);
        if (scope.Confined && (subscription.UnitId is not { } unit || !scope.Sees(unit))) return (null, LiaisonScope.Forbidden(scope));
        return (subscription, WolverineContinue.NoProblems);
    }

    /// <summary>Ends the subscription: 204, and nothing more is delivered to it.</summary>
    [WolverineDelete("/api/notice-subscriptions/{id}", OperationId = "unsubscribeFromNotices")]
    [EmptyResponse]
    public static IMartenOp Delete([NotBody] NoticeSubscription subscription) => MartenOps.Delete(subscription);
}
