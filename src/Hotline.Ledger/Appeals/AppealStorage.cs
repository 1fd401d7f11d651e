using JasperFx.Events.Projections;

namespace Hotline.Ledger.Appeals;

public sealed class AppealStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        opts.Projections.Snapshot<Appeal>(SnapshotLifecycle.Inline);
        // One appeal per contested matter: a racing second filing fails on this index and answers 409.
        opts.Schema.For<Appeal>()
            .UniqueIndex(a => a.Subject)
            .Duplicate(a => a.UnitId)
            .Duplicate(a => a.PersonId)
            .Duplicate(a => a.Year)
            .Duplicate(a => a.Status)
            .Duplicate(a => a.FiledAt)
            .Duplicate(a => a.DecidedAt);
    }
}
