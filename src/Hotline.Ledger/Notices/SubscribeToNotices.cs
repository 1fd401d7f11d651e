using FluentValidation;

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
        RuleFor(x => x.Kinds).NotEmpty().WithMessage($"'kinds' names at least one of: {string.Join(", ", NoticeKinds.All)}.");
        RuleFor(x => x.Kinds).Must(k => k is null || k.Count <= NoticeKinds.All.Count).WithMessage("'kinds' names each kind at most once.");
        RuleForEach(x => x.Kinds).Must(k => k is not null && NoticeKinds.All.Contains(k))
            .WithMessage(x => $"'kinds' has an unknown kind; the kinds are: {string.Join(", ", NoticeKinds.All)}.");
        RuleFor(x => x.Channel).NotEmpty().Must(c => NoticeChannels.All.Contains(c))
            .WithMessage($"'channel' is one of: {string.Join(", ", NoticeChannels.All)}.");

        When(x => x.Channel == NoticeChannels.Webhook, () =>
        {
            RuleFor(x => x.Url).NotEmpty().WithMessage("A webhook needs 'url'.").MaximumLength(2000);
            RuleFor(x => x.Secret).MinimumLength(16).MaximumLength(200).When(x => x.Secret is not null)
                .WithMessage("'secret' is 16 to 200 characters (or leave it out and one is made).");
            RuleFor(x => x.Format).Must(f => f is null || WebhookFormats.All.Contains(f))
                .WithMessage($"'format' is one of: {string.Join(", ", WebhookFormats.All)}.");
            RuleFor(x => x.Address).Null().WithMessage("'address' is for the email channel.");
        });
        When(x => x.Channel == NoticeChannels.Email, () =>
        {
            RuleFor(x => x.Address).NotEmpty().WithMessage("An e-mail subscription needs 'address'.").MaximumLength(254)
                .EmailAddress().WithMessage("'address' must be an e-mail address.");
            RuleFor(x => x.Url).Null().WithMessage("'url' is for the webhook channel.");
        });
        When(x => x.Channel == NoticeChannels.Inbox, () =>
        {
            RuleFor(x => x.Url).Null().WithMessage("'url' is for the webhook channel.");
            RuleFor(x => x.Address).Null().WithMessage("'address' is for the email channel.");
        });
        RuleFor(x => x.Secret).Null().When(x => x.Channel != NoticeChannels.Webhook).WithMessage("'secret' is for the webhook channel.");
        RuleFor(x => x.Format).Null().When(x => x.Channel != NoticeChannels.Webhook).WithMessage("'format' is for the webhook channel.");
    }
}
