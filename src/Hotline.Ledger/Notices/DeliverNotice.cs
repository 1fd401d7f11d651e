namespace Hotline.Ledger.Notices;

/// <summary>
/// Deliver one notice to one webhook or e-mail subscription: attempt number <see cref="Attempt"/> of the
/// delivery. An attempt already made (a message delivered twice by a restart) is recognised and dropped.
/// </summary>
public sealed record DeliverNotice(Guid NoticeId, Guid SubscriptionId, int Attempt);
