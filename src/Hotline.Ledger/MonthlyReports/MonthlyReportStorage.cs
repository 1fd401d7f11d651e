namespace Hotline.Ledger.MonthlyReports;

/// <summary>The monthly reports' read model.</summary>
public sealed class MonthlyReportStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        opts.InlineSnapshot<MonthlyReport>().Duplicate(r => r.UnitId).Duplicate(r => r.Month);
    }
}
