using Hotline.Ledger.Cases.Feed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Hotline.Ledger.Notices;

/// <summary>Notices: services, and where their messages run.</summary>
public static class NoticeModule
{
    public const string RaisedQueue = "notices";
    public const string DeliveryQueue = "notice-deliveries";
    public const string LookAheadQueue = "notice-look-ahead";

    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<NoticeOptions>(config.GetSection(NoticeOptions.Section));
        // Redirects refused: a 3xx is a failed delivery, never a signed body sent on to another address.
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<MailSender>();
        services.AddSingleton<NoticeSender>();
        services.AddSingleton<IReplyFollowUp, ReplyLeadFollowUp>();
        services.AddSingleton<Hotline.Ledger.Entries.IRecordedEntryForwarding, RecordedEntryNotice>();
        return services;
    }

    /// <summary>Called from <c>IntegrateWithWolverine</c>: the facts that raise notices, forwarded from the event store.</summary>
    public static void ConfigureForwarding(MartenIntegration integration)
    {
        integration.UseFastEventForwarding = true;
        NoticeForwarding.Configure(integration);
    }

    /// <summary>Called once from the host's <c>UseWolverine</c>.</summary>
    public static void ConfigureWolverine(WolverineOptions opts, IConfiguration config)
    {
        var options = config.GetSection(NoticeOptions.Section).Get<NoticeOptions>() ?? new NoticeOptions();

        // Durable: a notice raised or a delivery scheduled is a row in the message store and survives a restart.
        // Side by side: a notice is stored once whatever the order (its id is the fact's).
        opts.LocalQueue(RaisedQueue).UseDurableInbox().MaximumParallelMessages(4);
        opts.PublishMessage<NoticeRaised>().ToLocalQueue(RaisedQueue);
        // The look-ahead raises notices, so it must not run on their queue: a local queue holds a bounded number of
        // envelopes in memory and a sender waits for room, so handlers that fill their own full queue wait on each
        // other for ever, and every writer whose notices go there after its commit (the single entries' batch, the
        // deadline judge) waits behind them. Each queue here sends only to a queue after it.
        opts.LocalQueue(LookAheadQueue).UseDurableInbox().Sequential();
        opts.PublishMessage<LookAheadForNotices>().ToLocalQueue(LookAheadQueue);
        opts.LocalQueue(DeliveryQueue).UseDurableInbox().MaximumParallelMessages(4);
        opts.PublishMessage<DeliverNotice>().ToLocalQueue(DeliveryQueue);
        opts.Schedules.ScheduleRecurring<LookAheadForNotices>(options.LookAheadCron, Time.OfficeCalendar.Zone);
    }
}
