using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Hotline.Ledger.Notices;

/// <summary>
/// Makes one delivery attempt and records how it went in the same transaction as the next step: done;
/// the next attempt, scheduled durably after the configured wait; or, after the last attempt, the failed
/// list (ADR 0096). A crash after the receiver answered but before this commits repeats the attempt:
/// the receiver sees the same notice id twice and keeps one.
/// </summary>
[WolverineHandler]
public static class NoticeCourier
{
    public static void Configure(HandlerChain chain) =>
        chain.OnException<NpgsqlException>().RetryWithCooldown(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

    public static async Task<object?> Handle(DeliverNotice message, IDocumentSession session, NoticeSender sender,
        IOptions<NoticeOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var notice = await session.LoadAsync<Notice>(message.NoticeId, ct);
        var subscription = await session.LoadAsync<NoticeSubscription>(message.SubscriptionId, ct);
        // A subscription deleted since: nobody is waiting for this any more.
        if (notice is null || subscription is null) return null;

        var id = NoticeDelivery.IdOf(notice.Id, subscription.Id);
        var delivery = await session.LoadAsync<NoticeDelivery>(id, ct)
                       ?? new NoticeDelivery { Id = id, NoticeId = notice.Id, SubscriptionId = subscription.Id };
        if (delivery.DeliveredAt is not null || delivery.FailedAt is not null || message.Attempt <= delivery.Attempts) return null;

        delivery.Attempts = message.Attempt;
        try
        {
            await sender.Send(notice, subscription, ct);
            delivery.DeliveredAt = clock.GetUtcNow();
            delivery.LastError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            delivery.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
        }

        delivery.LastAttemptAt = clock.GetUtcNow();
        var failedInRound = message.Attempt - delivery.RoundStart + 1;
        if (delivery.DeliveredAt is null && failedInRound >= options.Value.Attempts) delivery.FailedAt = delivery.LastAttemptAt;
        session.Store(delivery);
        if (delivery.DeliveredAt is not null || delivery.FailedAt is not null) return null;

        // The wait is real time (Wolverine's scheduler): a receiver's outage does not follow the office clock.
        return new DeliverNotice(notice.Id, subscription.Id, message.Attempt + 1).DelayedFor(options.Value.DelayAfter(failedInRound));
    }
}
