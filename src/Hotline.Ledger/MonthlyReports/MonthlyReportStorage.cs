using JasperFx.Events.Projections;

namespace Hotline.Ledger.MonthlyReports;

/// <summary>The monthly reports' read model.</summary>
public sealed class MonthlyReportStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        opts.Projections.Snapshot<MonthlyReport>(SnapshotLifecycle.Inline);
        opts.Schema.For<MonthlyReport>().Duplicate(r => r.UnitId).Duplicate(r => r.Month);
    }
}
