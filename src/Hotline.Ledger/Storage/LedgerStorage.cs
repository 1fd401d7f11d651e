using JasperFx.Events;

namespace Hotline.Ledger.Storage;

/// <summary>
/// How the ledger's streams are laid out in Marten. Each slice declares its own documents, projections and
/// indexes in an <see cref="IConfigureMarten"/> of its own; the host applies them all from one list.
/// </summary>
public sealed class LedgerStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        // Who did it and under which request travel with every event (see ADR 0002).
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
    }
}
