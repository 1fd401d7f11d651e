using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Storage;
using Npgsql;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Hotline.Ledger.Notices;

/// <summary>
/// Takes a raised notice: stores it once (its id is the fact's), puts it in the inboxes that hear it and
/// queues one delivery per webhook or e-mail subscription that hears it — all in one transaction, with the
/// deliveries in the durable outbox. A notice raised again (the look-ahead runs often) is recognised and dropped;
/// one that no subscription hears is not kept.
/// </summary>
[WolverineHandler]
public static class NoticeDesk
{
    public static void Configure(HandlerChain chain)
    {
        chain.OnException(StoreConflicts.IsConflict).RetryTimes(5);
        chain.OnException<NpgsqlException>().RetryWithCooldown(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
    }

    public static async Task<OutgoingMessages> Handle(NoticeRaised raised, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock, CancellationToken ct)
    {
        var deliveries = new OutgoingMessages();
        // One round trip; a notice nobody subscribed to its kind is dropped here, before anything is read for it
        // (a judgement that charges hundreds of cases raises hundreds of notices).
        var batch = session.CreateBatchQuery();
        var existing = batch.Load<Notice>(raised.NoticeId);
        var subscribed = batch.Query<NoticeSubscription>().ToList();
        await batch.Execute(ct);
        var subscriptions = (await subscribed).Where(s => s.Kinds.Contains(raised.Kind)).ToList();
        if (await existing is not null || subscriptions.Count == 0) return deliveries;

        var notice = await NoticeComposer.Compose(raised, session, rulebooks, clock.GetUtcNow(), ct);
        foreach (var subscription in subscriptions.Where(s => s.Hears(notice)))
        {
            if (subscription.Channel == NoticeChannels.Inbox)
            {
                if (subscription.Audience == NoticeSubscription.UnitAudience) notice.InUnitInbox = true;
                else notice.InOfficeInbox = true;
            }
            else
            {
                deliveries.Add(new DeliverNotice(notice.Id, subscription.Id, 1));
            }
        }

        // Insert: of two handlings of the same notice racing (the queue runs several at once), one fails on the key and is retried, then dropped.
        session.Insert(notice);
        return deliveries;
    }
}
