namespace Hotline.Ledger.Notices;

/// <summary>Sends a notice through a subscription's channel; throws when the receiver did not take it.</summary>
public class NoticeSender(WebhookSender webhooks, MailSender mail)
{
    public virtual Task Send(Notice notice, NoticeSubscription subscription, CancellationToken ct) => subscription.Channel switch
    {
        NoticeChannels.Webhook => webhooks.Send(notice, subscription, ct),
        NoticeChannels.Email => mail.Send(notice, subscription, ct),
        _ => Task.CompletedTask,
    };
}
