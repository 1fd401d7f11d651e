namespace Hotline.Ledger.Deadlines;

/// <summary>What the deadline judge keeps in Marten: how far it has judged the monthly reports' deadlines.</summary>
public sealed class DeadlineStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts) => opts.Schema.For<MonthlyReportWatch>();
}
