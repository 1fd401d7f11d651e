namespace Hotline.Ledger.SelfChecks;

/// <summary>Read models of the monthly self-checks (M1).</summary>
public sealed class SelfCheckStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        opts.InlineSnapshot<SelfCheck>().Duplicate(c => c.UnitId).Duplicate(c => c.Year);
    }
}
