namespace Hotline.Ledger.Notices;

/// <summary>A subscription as shown: never its secret, and a webhook's URL without its query (a robot's key is there).</summary>
public record SubscriptionView(
    Guid Id, Guid? UnitId, IReadOnlyList<string> Kinds, string Channel, string? Url, string? Address, string? Format,
    string Audience, bool Signed, string CreatedBy, DateTimeOffset CreatedAt, string? Secret = null)
{
    public static SubscriptionView Of(NoticeSubscription s, string? secret = null) => new(
        s.Id, s.UnitId, s.Kinds, s.Channel, WebhookAddress.Masked(s.Url), s.Address,
        s.Channel == NoticeChannels.Webhook ? s.Format : null, s.Audience, s.Secret is not null, s.CreatedBy, s.CreatedAt, secret);
}
