using Hotline.Ledger.Cases.Feed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Hotline.Ledger.Deadlines;

/// <summary>The deadline judge's settings, its follow-up of the feed's reply deadlines, and where its judgements run.</summary>
public static class DeadlineModule
{
    /// <summary>Called once from the host, before the notices (the judgement of a deadline is scheduled before its warning).</summary>
    public static IServiceCollection AddDeadlines(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<DeadlineOptions>(config.GetSection(DeadlineOptions.Section));
        services.AddSingleton<IReplyFollowUp, ReplyJudgementFollowUp>();
        return services;
    }

    /// <summary>
    /// Called once from the host's <c>UseWolverine</c>: the judgement's durable queue and recurring schedule
    /// (Wolverine refuses schedules registered any later).
    /// </summary>
    public static void ConfigureWolverine(WolverineOptions opts, IConfiguration config) =>
        DeadlineSchedule.Configure(opts, config.GetSection(DeadlineOptions.Section).Get<DeadlineOptions>() ?? new DeadlineOptions());
}
