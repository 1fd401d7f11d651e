namespace Hotline.Ledger.SpotChecks;

/// <summary>Read models of the office's spot checks (M1).</summary>
public sealed class SpotCheckStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        opts.InlineSnapshot<SpotCheck>().Duplicate(c => c.UnitId).Duplicate(c => c.Year);
    }
}
