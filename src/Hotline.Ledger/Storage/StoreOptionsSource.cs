namespace Hotline.Ledger.Storage;

/// <summary>
/// The host's Marten configuration, for any schema: the ledger's own store is built from it, and the
/// integrity check builds a scratch store from it to rebuild the read models beside the stored ones.
/// </summary>
public sealed class StoreOptionsSource(Func<string, StoreOptions> build)
{
    public StoreOptions For(string schema) => build(schema);
}
