namespace Hotline.Ledger.Notices;

/// <summary>How notices are raised and delivered (configuration section <c>Hotline:Notices</c>, ADR 0095–0097).</summary>
public sealed class NoticeOptions
{
    public const string Section = "Hotline:Notices";

    /// <summary>How long before a reply deadline a unit that has neither replied nor explained is told.</summary>
    public TimeSpan ReplyLead { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How long before a monthly report's deadline a unit that has not filed it is told.</summary>
    public TimeSpan ReportLead { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The cron of the look-ahead's safety net (office time zone); each reply deadline also schedules its own.</summary>
    public string LookAheadCron { get; set; } = "*/15 * * * *";

    /// <summary>
    /// The waits between delivery attempts of one notice to one subscription; after the last one fails the
    /// delivery goes to the failed list. Five waits: six attempts over about an hour and a half.
    /// </summary>
    public List<TimeSpan> RetryDelays { get; set; } = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(20), TimeSpan.FromHours(1)];

    /// <summary>How long a webhook receiver may take to answer.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The hosts a webhook may point at in Production (exact names, or ".example.com" for a domain and its
    /// subdomains). Empty in Production means no webhook may be subscribed. Not applied in other environments.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    public SmtpSettings Smtp { get; set; } = new();

    public int Attempts => RetryDelays.Count + 1;

    /// <summary>The wait after the <paramref name="failed"/>-th failed attempt of a round (1-based).</summary>
    public TimeSpan DelayAfter(int failed) => RetryDelays.Count == 0 ? TimeSpan.Zero : RetryDelays[Math.Clamp(failed - 1, 0, RetryDelays.Count - 1)];
}
