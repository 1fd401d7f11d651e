using Wolverine;

namespace Hotline.Ledger.Deadlines;

/// <summary>Where judgements run: a durable local queue, one at a time, plus the recurring safety net.</summary>
public static class DeadlineSchedule
{
    public static void Configure(WolverineOptions opts, DeadlineOptions options)
    {
        // Durable: a judgement scheduled for later is a row in the message store and survives a restart.
        opts.LocalQueueFor<JudgeDueDeadlines>().UseDurableInbox().Sequential();
        opts.Schedules.ScheduleRecurring<JudgeDueDeadlines>(options.SweepCron, OfficeCalendar.Zone);
    }
}
