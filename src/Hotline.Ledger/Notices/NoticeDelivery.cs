namespace Hotline.Ledger.Notices;

/// <summary>
/// How the delivery of one notice to one subscription went. A delivery whose attempts all failed has
/// <see cref="FailedAt"/> and is in the failed list until the office retries it.
/// </summary>
public sealed class NoticeDelivery
{
    public Guid Id { get; set; }
    public Guid NoticeId { get; set; }
    public Guid SubscriptionId { get; set; }

    /// <summary>Attempts made so far, over every round.</summary>
    public int Attempts { get; set; }

    /// <summary>The attempt number the current round began with (a retry from the failed list starts a round).</summary>
    public int RoundStart { get; set; } = 1;

    public string? LastError { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }

    public static Guid IdOf(Guid noticeId, Guid subscriptionId) => DeterministicId.From("notice-delivery", noticeId.ToString("N"), subscriptionId.ToString("N"));
}
