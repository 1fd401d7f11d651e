using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Hotline.Ledger.Notices;

/// <summary>
/// Sends a notice as a plain-text Chinese e-mail through the configured SMTP server (MailKit). The
/// Message-Id is the notice's and the subscription's, so that a mailbox can drop a repeated delivery.
/// </summary>
public sealed class MailSender(IOptions<NoticeOptions> options)
{
    public async Task Send(Notice notice, NoticeSubscription subscription, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host)) throw new InvalidOperationException("No SMTP server is configured (Hotline:Notices:Smtp:Host).");

        var message = new MimeMessage
        {
            Subject = $"【市长热线】{notice.Title}",
            MessageId = $"{notice.Id:N}.{subscription.Id:N}@hotline-ledger",
            Body = new TextPart("plain") { Text = notice.Text + "\n\n（本邮件由市长热线网络成员单位考评台账自动发送，请勿直接回复。）" },
        };
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(MailboxAddress.Parse(subscription.Address!));
        message.Headers.Add(WebhookSender.NoticeIdHeader, notice.Id.ToString());

        using var client = new SmtpClient { Timeout = (int)options.Value.WebhookTimeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), ct);
        if (!string.IsNullOrEmpty(smtp.Username)) await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
