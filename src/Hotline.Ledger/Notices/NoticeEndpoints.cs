using Hotline.Ledger.Http;
using Hotline.Ledger.Security;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;

namespace Hotline.Ledger.Notices;

/// <summary>A delivery that failed every attempt, as the office sees it in the failed list.</summary>
public sealed record FailedDeliveryView(
    Guid Id, Guid NoticeId, string NoticeTitle, string Kind, Guid? UnitId, Guid SubscriptionId, string? Channel, string? Target,
    int Attempts, string? LastError, DateTimeOffset? LastAttemptAt, DateTimeOffset FailedAt);

public static class NoticeEndpoints
{
    private const int Limit = 500;

    /// <summary>
    /// The inbox: for a liaison, their unit's notices that a liaison's inbox subscription heard; for the office,
    /// those an office inbox subscription heard. Newest first; <c>unread=true</c> for the ones not yet read by the caller's side.
    /// </summary>
    [WolverineGet("/api/notices", OperationId = "notices")]
    public static async Task<IResult> Inbox(IQuerySession session, HttpContext http, Guid? unitId, bool? unread)
    {
        var scope = await LiaisonScope.Of(http, session);
        if (unitId is { } asked && !scope.Sees(asked)) return LiaisonScope.Refusal(scope);

        IQueryable<Notice> query = session.Query<Notice>();
        if (scope.Confined)
        {
            var own = scope.UnitId;
            query = query.Where(n => n.InUnitInbox && n.UnitId == own);
            if (unread == true) query = query.Where(n => n.ReadByUnitAt == null);
        }
        else
        {
            query = query.Where(n => n.InOfficeInbox);
            if (unread == true) query = query.Where(n => n.ReadByOfficeAt == null);
        }

        if (unitId is { } filter) query = query.Where(n => n.UnitId == filter);
        var notices = await query.OrderByDescending(n => n.RaisedAt).Take(Limit).ToListAsync();
        return Results.Ok(notices.Select(n => NoticeView.Of(n, (scope.Confined ? n.ReadByUnitAt : n.ReadByOfficeAt) is not null)));
    }

    [WolverinePost("/api/notices/{id}/read", OperationId = "readNotice")]
    public static async Task<IResult> Read(Guid id, IDocumentSession session, HttpContext http, TimeProvider clock)
    {
        var notice = await session.LoadAsync<Notice>(id);
        if (notice is null) return Problems.NotFound("notice", id);
        var scope = await LiaisonScope.Of(http, session);
        if (scope.Confined && (notice.UnitId is not { } unit || !scope.Sees(unit))) return LiaisonScope.Refusal(scope);
        if (!(scope.Confined ? notice.InUnitInbox : notice.InOfficeInbox)) return Problems.NotFound("notice", id);

        if (scope.Confined) notice.ReadByUnitAt ??= clock.GetUtcNow();
        else notice.ReadByOfficeAt ??= clock.GetUtcNow();
        session.Store(notice);
        await session.SaveChangesAsync();
        return Results.Ok(NoticeView.Of(notice, true));
    }

    /// <summary>The dead-letter list: deliveries whose every attempt failed, newest first.</summary>
    [WolverineGet("/api/notices/failed", OperationId = "failedNotices")]
    public static async Task<IResult> Failed(IQuerySession session)
    {
        var failed = await session.Query<NoticeDelivery>().Where(d => d.FailedAt != null).OrderByDescending(d => d.FailedAt).Take(Limit).ToListAsync();
        var notices = (await session.LoadManyAsync<Notice>(failed.Select(d => d.NoticeId).Distinct().ToArray())).ToDictionary(n => n.Id);
        var subscriptions = (await session.LoadManyAsync<NoticeSubscription>(failed.Select(d => d.SubscriptionId).Distinct().ToArray())).ToDictionary(s => s.Id);
        return Results.Ok(failed.Select(d =>
        {
            var notice = notices.GetValueOrDefault(d.NoticeId);
            var subscription = subscriptions.GetValueOrDefault(d.SubscriptionId);
            return new FailedDeliveryView(d.Id, d.NoticeId, notice?.Title ?? "", notice?.Kind ?? "", notice?.UnitId, d.SubscriptionId,
                subscription?.Channel, subscription is null ? null : WebhookAddress.Masked(subscription.Url) ?? subscription.Address,
                d.Attempts, d.LastError, d.LastAttemptAt, d.FailedAt!.Value);
        }));
    }

    /// <summary>Replays a failed delivery: a new round of attempts, with the same notice id.</summary>
    [WolverinePost("/api/notices/failed/{id}/retry", OperationId = "retryFailedNotice")]
    public static async Task<IResult> Retry(Guid id, IDocumentSession session, IMessageBus bus)
    {
        var delivery = await session.LoadAsync<NoticeDelivery>(id);
        if (delivery is null) return Problems.NotFound("failed delivery", id);
        if (delivery.FailedAt is null)
            return delivery.DeliveredAt is { } at
                ? Problems.Refuse("notice.delivery.delivered", null, id, at)
                : Problems.Refuse("notice.delivery.pending", null, id);
        if (await session.LoadAsync<NoticeSubscription>(delivery.SubscriptionId) is null)
            return Problems.Refuse("notice.delivery.unsubscribed", null, id);

        delivery.FailedAt = null;
        delivery.RoundStart = delivery.Attempts + 1;
        session.Store(delivery);
        // In the outbox with this change: the new round starts only if the change is saved.
        await bus.PublishAsync(new DeliverNotice(delivery.NoticeId, delivery.SubscriptionId, delivery.Attempts + 1));
        await session.SaveChangesAsync();
        return Results.Accepted($"/api/notices/failed", new { id, delivery.NoticeId, attempt = delivery.Attempts + 1 });
    }
}
