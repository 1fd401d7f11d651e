namespace Hotline.Ledger.Api.Idempotency;

/// <summary>Settings under <c>Hotline:Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Hotline:Idempotency";

    /// <summary>
    /// How long a request holding a key may sit idle inside its transaction before PostgreSQL ends it:
    /// a key held by a request that died without closing its connection is free again after this.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a repeat waits for the first request with its key to finish before it is told 409, retry later.</summary>
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a request that lost a race with another writer is done again, whole, before its 409 is answered.</summary>
    public int Attempts { get; set; } = 5;
}
