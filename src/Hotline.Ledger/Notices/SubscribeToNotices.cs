namespace Hotline.Ledger.Notices;

/// <summary>
/// A subscription as requested. <c>url</c> and <c>secret</c> (optional: one is made when absent and shown
/// once) for a webhook; <c>address</c> for e-mail; <c>format</c> (<c>json</c>, <c>wecom</c>, <c>dingtalk</c>) for a webhook.
/// </summary>
public sealed record SubscribeToNotices(
    Guid? UnitId,
    IReadOnlyList<string>? Kinds,
    string? Channel,
    string? Url,
    string? Secret,
    string? Address,
    string? Format);
