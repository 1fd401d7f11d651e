namespace Hotline.Ledger.Notices;

public static class RetryNoticeEndpoint
{
    /// <summary>The failed delivery, or why it cannot be retried: unknown, delivered, still trying, or its subscription gone.</summary>
    public static async Task<(NoticeDelivery? Delivery, ProblemDetails Problem)> LoadAsync(Guid id, IQuerySession session, CancellationToken cancellation)
    {
        var delivery = await session.LoadAsync<NoticeDelivery>(id, cancellation);
        if (delivery is null) return (null, Problems.NotFoundProblem("failed delivery", id));
        if (delivery.FailedAt is null)
            return (null, delivery.DeliveredAt is { } at
                ? Problems.ConflictProblem("notice.delivery.delivered", null, id, at)
                : Problems.ConflictProblem("notice.delivery.pending", null, id));
        if (await session.LoadAsync<NoticeSubscription>(delivery.SubscriptionId, cancellation) is null)
            return (null, Problems.ConflictProblem("notice.delivery.unsubscribed", null, id));
        return (delivery, WolverineContinue.NoProblems);
    }

    /// <summary>
    /// Replays a failed delivery: a new round of attempts, with the same notice id. The delivery message goes out with
    /// the change (Wolverine's outbox), so the round starts only if the change is saved.
    /// </summary>
    [WolverinePost("/api/notices/failed/{id}/retry", OperationId = "retryFailedNotice")]
    public static (RetryStarted, IMartenOp, DeliverNotice) Retry([NotBody] NoticeDelivery delivery)
    {
        var attempt = delivery.Attempts + 1;
        delivery.FailedAt = null;
        delivery.RoundStart = attempt;
        return (new RetryStarted(delivery.Id, delivery.NoticeId, attempt), MartenOps.Store(delivery), new DeliverNotice(delivery.NoticeId, delivery.SubscriptionId, attempt));
    }
}
