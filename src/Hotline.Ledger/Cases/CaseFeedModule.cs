using Hotline.Ledger.Cases.Feed;
using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.MonthlyReports;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Hotline.Ledger.Cases;

/// <summary>The case feed, its deadlines and the monthly reports: storage and services.</summary>
public static class CaseFeedModule
{
    /// <summary>Called once from the host: the ingestion service and the deadline settings.</summary>
    public static IServiceCollection AddCaseFeed(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<DeadlineOptions>(config.GetSection(DeadlineOptions.Section));
        services.AddSingleton<CaseFeed>();
        return services;
    }

    /// <summary>
    /// Called once from the host's <c>UseWolverine</c>: the judgement's durable queue and recurring schedule
    /// (Wolverine refuses schedules registered any later).
    /// </summary>
    public static void ConfigureWolverine(WolverineOptions opts, IConfiguration config) =>
        DeadlineSchedule.Configure(opts, config.GetSection(DeadlineOptions.Section).Get<DeadlineOptions>() ?? new DeadlineOptions());

    /// <summary>Called once from <c>LedgerStorage.Configure</c>.</summary>
    public static void Configure(StoreOptions opts)
    {
        var schema = opts.DatabaseSchemaName;

        // Written by the feed and the deadline judge; a stale write fails and is done again (ADR 0020). Projected
        // from the case streams (with the counters) when Marten's daemon rebuilds it (ADR 0160).
        CaseFileProjection.Register(opts);
        opts.Schema.For<CaseFile>()
            .UseOptimisticConcurrency(true)
            .Duplicate(c => c.UnitId)
            .Duplicate(c => c.ReplyDueAt)
            .Duplicate(c => c.ReplyCheckAt);
        opts.Storage.ExtendedSchemaObjects.Add(CaseEventIds.Table(schema));
        opts.Storage.ExtendedSchemaObjects.Add(CaseCounters.Table(schema));
        opts.Storage.ExtendedSchemaObjects.Add(CounterCheckpoints.Table(schema));

        opts.Projections.Snapshot<MonthlyReport>(SnapshotLifecycle.Inline);
        opts.Schema.For<MonthlyReport>().Duplicate(r => r.UnitId).Duplicate(r => r.Month);
        opts.Schema.For<MonthlyReportWatch>();
    }

    /// <summary>The plain tables of the feed, which resetting Marten's data does not empty (tests truncate them).</summary>
    public static readonly string[] Tables = [CaseEventIds.TableName, CaseCounters.TableName, CounterCheckpoints.TableName];
}
