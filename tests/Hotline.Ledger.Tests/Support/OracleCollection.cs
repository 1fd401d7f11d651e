namespace Hotline.Ledger.Tests.Support;

/// <summary>The replay oracle's own host and schema: the longest test runs beside the ledger collection.</summary>
[CollectionDefinition(Name)]
public sealed class OracleCollection : ICollectionFixture<LedgerApp>
{
    public const string Name = "oracle";
}
