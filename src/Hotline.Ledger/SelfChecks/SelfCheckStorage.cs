using Hotline.Ledger.SpotChecks;
using JasperFx.Events.Projections;
using Marten;

namespace Hotline.Ledger.SelfChecks;

/// <summary>Read models of the monthly self-checks and the office's spot checks (M1).</summary>
public static class SelfCheckStorage
{
    public static void Configure(StoreOptions opts)
    {
        opts.Projections.Snapshot<SelfCheck>(SnapshotLifecycle.Inline);
        opts.Schema.For<SelfCheck>().Duplicate(c => c.UnitId).Duplicate(c => c.Year);

        opts.Projections.Snapshot<SpotCheck>(SnapshotLifecycle.Inline);
        opts.Schema.For<SpotCheck>().Duplicate(c => c.UnitId).Duplicate(c => c.Year);
    }
}
