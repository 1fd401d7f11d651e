namespace Hotline.Ledger.Deadlines;

/// <summary>
/// How the ledger watches deadlines (configuration section <c>Hotline:Deadlines</c>, ADR 0023).
/// </summary>
public sealed class DeadlineOptions
{
    public const string Section = "Hotline:Deadlines";

    /// <summary>
    /// How long after a reply deadline the ledger judges it. The judgement counts only facts stamped at
    /// or before the deadline; the grace lets a platform's on-time reply that the feed delivers a little
    /// late arrive before a D3.1 is recorded.
    /// </summary>
    public TimeSpan FeedGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Deadline checks falling in the same window are scheduled once (a batch brings many identical deadlines).</summary>
    public TimeSpan Coalesce { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The cron of the safety-net judgement (and the one that catches monthly-report deadlines), office time zone.</summary>
    public string SweepCron { get; set; } = "5 * * * *";

    /// <summary>How many cases one judgement handles before it hands the rest to the next one.</summary>
    public int CasesPerRun { get; set; } = 500;

    /// <summary>The first instant at or after <paramref name="instant"/> on the coalescing grid.</summary>
    public DateTimeOffset CheckTimeFor(DateTimeOffset instant)
    {
        var window = Coalesce.Ticks;
        if (window <= 0) return instant;
        var ticks = (instant.UtcTicks + window - 1) / window * window;
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
