namespace Hotline.Ledger.Tests.Support;

// The ledger tests that take longest have hosts and schemas of their own, so that they run beside the rest of
// the ledger collection instead of one after another in it. A class joins one with [Collection(…Name)]; each
// collection is one LedgerApp, started once, and its classes still start every test from an empty ledger.

/// <summary>The access matrix: every route with every role, each on a world of its own.</summary>
[CollectionDefinition(Name)]
public sealed class AccessMatrixCollection : ICollectionFixture<LedgerApp>
{
    public const string Name = "ledger: access matrix";
}

/// <summary>The what-if's property over random histories.</summary>
[CollectionDefinition(Name)]
public sealed class WhatIfPropertiesCollection : ICollectionFixture<LedgerApp>
{
    public const string Name = "ledger: what-if properties";
}

/// <summary>Scores, series, rebuilds and what-ifs: the tests that read scores back after many writes.</summary>
[CollectionDefinition(Name)]
public sealed class ScoringCollection : ICollectionFixture<LedgerApp>
{
    public const string Name = "ledger: scoring";
}

/// <summary>Authentication, hostile input, the read audit and the integrity chain.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<LedgerApp>
{
    public const string Name = "ledger: security";
}
