namespace Hotline.Ledger.Notices;

/// <summary>
/// Who hears which notices, and how. <see cref="UnitId"/> null is the office's subscription for every
/// unit; a liaison's subscription always names their own unit. <see cref="Secret"/> signs webhook bodies
/// and is never shown again after the subscription is created.
/// </summary>
public sealed class NoticeSubscription
{
    public const string OfficeAudience = "office";
    public const string UnitAudience = "unit";

    public Guid Id { get; set; }
    public Guid? UnitId { get; set; }
    public List<string> Kinds { get; set; } = [];
    public string Channel { get; set; } = NoticeChannels.Inbox;
    public string? Url { get; set; }
    public string? Secret { get; set; }
    public string? Address { get; set; }
    public string Format { get; set; } = WebhookFormats.Json;

    /// <summary><c>office</c> or <c>unit</c> (a liaison's): whose inbox the subscription fills.</summary>
    public string Audience { get; set; } = OfficeAudience;

    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Whether this subscription hears the notice: a kind it names, and the notice's own unit — never
    /// another unit's. A city-wide notice reaches the office's subscriptions, and every subscription
    /// when it is public (an approval).
    /// </summary>
    public bool Hears(Notice notice)
    {
        if (!Kinds.Contains(notice.Kind)) return false;
        if (notice.UnitId is { } unit) return UnitId is null || UnitId == unit;
        return UnitId is null || NoticeKinds.IsPublic(notice.Kind);
    }
}
