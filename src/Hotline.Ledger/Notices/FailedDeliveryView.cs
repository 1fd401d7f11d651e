namespace Hotline.Ledger.Notices;

/// <summary>A delivery that failed every attempt, as the office sees it in the failed list.</summary>
public sealed record FailedDeliveryView(
    Guid Id, Guid NoticeId, string NoticeTitle, string Kind, Guid? UnitId, Guid SubscriptionId, string? Channel, string? Target,
    int Attempts, string? LastError, DateTimeOffset? LastAttemptAt, DateTimeOffset FailedAt);
