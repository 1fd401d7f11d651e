namespace Hotline.Ledger.Notices;

public static class NoticeChannels
{
    public const string Inbox = "inbox";
    public const string Webhook = "webhook";
    public const string Email = "email";
    public static readonly string[] All = [Inbox, Webhook, Email];
}
