namespace Hotline.Ledger.Security;

/// <summary>
/// What the read audit keeps in Marten: the read records, indexed by when, who, and whose record was read. The record of
/// a read that answered nothing is withdrawn by a soft delete: the row stays, marked with when, and is no longer listed.
/// </summary>
public sealed class SecurityStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Schema.For<ReadRecord>()
            .Duplicate(r => r.At)
            .Duplicate(r => r.Reader)
            .Duplicate(r => r.UnitId)
            .Duplicate(r => r.PersonId)
            .SoftDeleted();
}
