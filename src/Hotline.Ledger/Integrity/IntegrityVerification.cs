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

/// <summary>The scheduled deep verification (daily by default, <c>Hotline:Integrity:VerifyCron</c>).</summary>
public sealed record VerifyLedgerIntegrity;

public sealed class IntegrityOptions
{
    public const string Section = "Hotline:Integrity";

    /// <summary>When the deep verification runs, in the office's time zone (default 02:30 every day).</summary>
    public string VerifyCron { get; set; } = "30 2 * * *";
}

/// <summary>Runs the chain and read-model verification and records the result as <see cref="IntegrityVerification"/>.</summary>
public sealed class IntegrityVerifier(LedgerIntegrity chain, ReadModelIntegrity readModels, IDocumentStore store, TimeProvider clock)
{
    public async Task<(IntegrityReport Chain, ReadModelReport ReadModels)> VerifyAndRecordAsync(CancellationToken ct = default)
    {
        var chainReport = await chain.VerifyAsync(cancellation: ct);
        var readModelReport = await readModels.VerifyAsync(ct);
        var fault = chainReport.Faults.FirstOrDefault() is { } f
            ? $"event sequence {f.Sequence}: {f.Problem}"
            : readModelReport.FirstFault is { } r ? $"{r.Table} row {r.Row}: {r.Problem}" : null;

        await using var session = store.LightweightSession();
        session.Store(new IntegrityVerification
        {
            VerifiedAt = clock.GetUtcNow(), Valid = chainReport.Valid && readModelReport.Valid, ChainValid = chainReport.Valid,
            ReadModelsValid = readModelReport.Valid, Fault = fault, Seconds = readModelReport.Seconds,
        });
        await session.SaveChangesAsync(ct);
        return (chainReport, readModelReport);
    }
}

public static class VerifyLedgerIntegrityHandler
{
    public static Task Handle(VerifyLedgerIntegrity _, IntegrityVerifier verifier, CancellationToken ct) => verifier.VerifyAndRecordAsync(ct);
}
