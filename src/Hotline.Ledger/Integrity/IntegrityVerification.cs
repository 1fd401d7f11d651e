namespace Hotline.Ledger.Integrity;

/// <summary>
/// The last deep verification (chain and read models), kept as one document: while it says the ledger
/// is not sound, nothing is published from it (circulars, approved year-end results).
/// </summary>
public sealed class IntegrityVerification
{
    public const string LastId = "last";

    public string Id { get; set; } = LastId;
    public DateTimeOffset VerifiedAt { get; set; }
    public bool Valid { get; set; }
    public bool ChainValid { get; set; }
    public bool ReadModelsValid { get; set; }

    /// <summary>The first fault, in words a reader can act on; null when sound.</summary>
    public string? Fault { get; set; }

    public double Seconds { get; set; }

    /// <summary>
    /// A 409 naming the fault while the last verification failed; null when it passed or none ran yet.
    /// Publishing beside a valid digest what the read models forged is what this prevents.
    /// </summary>
    public static async Task<IResult?> Refusal(IQuerySession session, CancellationToken ct = default) =>
        await Unsound(session, ct) is { } unsound ? Problems.Refuse(unsound) : null;

    /// <summary>The same as a domain refusal (<c>integrity.failed</c>), for the endpoints that refuse before they run.</summary>
    public static async Task<Refusal?> Unsound(IQuerySession session, CancellationToken ct = default)
    {
        var last = await session.LoadAsync<IntegrityVerification>(LastId, ct);
        return last is { Valid: false }
            ? new Refusal("integrity.failed", last.VerifiedAt, last.Fault)
            : null;
    }
}
