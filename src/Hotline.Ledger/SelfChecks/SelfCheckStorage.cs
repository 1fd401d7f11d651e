using JasperFx.Events.Projections;

namespace Hotline.Ledger.SelfChecks;

/// <summary>Read models of the monthly self-checks (M1).</summary>
public sealed class SelfCheckStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        opts.Projections.Snapshot<SelfCheck>(SnapshotLifecycle.Inline);
        opts.Schema.For<SelfCheck>().Duplicate(c => c.UnitId).Duplicate(c => c.Year);
    }
}
