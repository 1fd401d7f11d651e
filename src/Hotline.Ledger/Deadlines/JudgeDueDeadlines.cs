namespace Hotline.Ledger.Deadlines;

/// <summary>
/// "Judge every deadline that has passed, as of now." Scheduled durably for each new reply deadline,
/// recurring on <see cref="DeadlineOptions.SweepCron"/>, and sent at once when a batch brings deadlines
/// already passed. The judgement reads the clock itself, so a firing early, late or twice is harmless.
/// </summary>
public sealed record JudgeDueDeadlines;
