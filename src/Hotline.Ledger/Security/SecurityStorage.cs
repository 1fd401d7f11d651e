using Hotline.Ledger.Integrity;
using Marten;
using Microsoft.AspNetCore.Http;

namespace Hotline.Ledger.Security;

/// <summary>What the security features keep in Marten: the hash chain table, the read records, and the session listener.</summary>
public static class SecurityStorage
{
    public static void Configure(StoreOptions opts, IHttpContextAccessor requests)
    {
        var schema = opts.DatabaseSchemaName;
        opts.Storage.ExtendedSchemaObjects.Add(ChainStorage.Table(schema));
        opts.Listeners.Add(new LedgerSessionListener(requests, schema));

        opts.Schema.For<ReadRecord>()
            .Duplicate(r => r.At)
            .Duplicate(r => r.Reader)
            .Duplicate(r => r.UnitId)
            .Duplicate(r => r.PersonId);
    }
}
