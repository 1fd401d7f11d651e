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

public sealed class SubscribeToNoticesValidator : AbstractValidator<SubscribeToNotices>
{
    public SubscribeToNoticesValidator()
    {
        RuleFor(x => x.UnitId).NotEqual(Guid.Empty).When(x => x.UnitId is not null);
        RuleFor(x => x.Kinds).NotEmpty().WithErrorCode("notice.kinds.required");
        RuleFor(x => x.Kinds).Must(k => k is null || k.Distinct().Count() == k.Count).WithErrorCode("notice.kinds.tooMany");
        RuleForEach(x => x.Kinds).Must(k => k is not null && NoticeKinds.All.Contains(k)).WithErrorCode("notice.kinds.unknown");
        RuleFor(x => x.Channel).Must(c => c is not null && NoticeChannels.All.Contains(c)).WithErrorCode("notice.channel.unknown");

        When(x => x.Channel == NoticeChannels.Webhook, () =>
        {
            RuleFor(x => x.Url).NotEmpty().WithErrorCode("notice.url.required");
            RuleFor(x => x.Url).MaximumLength(2000).WithErrorCode("notice.url.length");
            RuleFor(x => x.Secret).Length(16, 200).When(x => x.Secret is not null).WithErrorCode("notice.secret.length");
            RuleFor(x => x.Format).Must(f => f is null || WebhookFormats.All.Contains(f)).WithErrorCode("notice.format.unknown");
        });
        When(x => x.Channel == NoticeChannels.Email, () =>
            RuleFor(x => x.Address).NotEmpty().WithErrorCode("notice.address.required")
                .MaximumLength(254).EmailAddress().WithErrorCode("notice.address.format"));

        RuleFor(x => x.Url).Null().When(x => x.Channel != NoticeChannels.Webhook).WithErrorCode("notice.url.notAllowed");
        RuleFor(x => x.Secret).Null().When(x => x.Channel != NoticeChannels.Webhook).WithErrorCode("notice.secret.notAllowed");
        RuleFor(x => x.Format).Null().When(x => x.Channel != NoticeChannels.Webhook).WithErrorCode("notice.format.notAllowed");
        RuleFor(x => x.Address).Null().When(x => x.Channel != NoticeChannels.Email).WithErrorCode("notice.address.notAllowed");
    }
}
