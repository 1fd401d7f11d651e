using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;

namespace Hotline.Ledger.Registry;

/// <summary>Units and people in Marten.</summary>
public sealed class RegistryStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        // Registry snapshots are inline: a registration is readable the moment it is acknowledged.
        options.InlineSnapshot<Unit>().UniqueIndex(u => u.CodeKey);

        options.InlineSnapshot<Person>().Duplicate(p => p.UnitId);
    }
}
