using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using JasperFx.Events.Projections;

namespace Hotline.Ledger.Registry;

/// <summary>Units and people in Marten.</summary>
public sealed class RegistryStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        // Registry snapshots are inline: a registration is readable the moment it is acknowledged.
        options.Projections.Snapshot<Unit>(SnapshotLifecycle.Inline);
        options.Schema.For<Unit>().UniqueIndex(u => u.CodeKey);

        options.Projections.Snapshot<Person>(SnapshotLifecycle.Inline);
        options.Schema.For<Person>().Duplicate(p => p.UnitId);
    }
}
