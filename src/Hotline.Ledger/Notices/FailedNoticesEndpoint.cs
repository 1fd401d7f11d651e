namespace Hotline.Ledger.Notices;

public static class FailedNoticesEndpoint
{
    private const int Limit = 500;

    /// <summary>The dead-letter list: deliveries whose every attempt failed, newest first.</summary>
    [WolverineGet("/api/notices/failed", OperationId = "failedNotices")]
    public static async Task<IReadOnlyList<FailedDeliveryView>> Failed(IQuerySession session, CancellationToken cancellation)
    {
        var failed = await session.Query<NoticeDelivery>().Where(d => d.FailedAt != null).OrderByDescending(d => d.FailedAt).Take(Limit).ToListAsync(cancellation);
        var notices = (await session.LoadManyAsync<Notice>(cancellation, failed.Select(d => d.NoticeId).Distinct().ToArray())).ToDictionary(n => n.Id);
        var subscriptions = (await session.LoadManyAsync<NoticeSubscription>(cancellation, failed.Select(d => d.SubscriptionId).Distinct().ToArray())).ToDictionary(s => s.Id);
        return failed.Select(d =>
        {
            var notice = notices.GetValueOrDefault(d.NoticeId);
            var subscription = subscriptions.GetValueOrDefault(d.SubscriptionId);
            return new FailedDeliveryView(d.Id, d.NoticeId, notice?.Title ?? "", notice?.Kind ?? "", notice?.UnitId, d.SubscriptionId,
                subscription?.Channel, subscription is null ? null : WebhookAddress.Masked(subscription.Url) ?? subscription.Address,
                d.Attempts, d.LastError, d.LastAttemptAt, d.FailedAt!.Value);
        }).ToList();
    }
}
