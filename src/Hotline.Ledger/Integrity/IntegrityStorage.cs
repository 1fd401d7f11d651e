namespace Hotline.Ledger.Integrity;

/// <summary>What the integrity check keeps in Marten: the last deep verification, one document.</summary>
public sealed class IntegrityStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Schema.For<IntegrityVerification>().Identity(v => v.Id);
}
