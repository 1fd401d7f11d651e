using Hotline.Ledger.Integrity;
using Marten;

namespace Hotline.Ledger.Security;

/// <summary>What the security features keep in Marten: the hash chain table, the read records, and the session listener that seals events.</summary>
public static class SecurityStorage
{
    public static void Configure(StoreOptions opts)
    {
        var schema = opts.DatabaseSchemaName;
        opts.Storage.ExtendedSchemaObjects.Add(ChainStorage.Table(schema));
        opts.Listeners.Add(new LedgerSessionListener(schema));

        opts.Schema.For<IntegrityVerification>().Identity(v => v.Id);

        opts.Schema.For<ReadRecord>()
            .Duplicate(r => r.At)
            .Duplicate(r => r.Reader)
            .Duplicate(r => r.UnitId)
            .Duplicate(r => r.PersonId);
    }
}
