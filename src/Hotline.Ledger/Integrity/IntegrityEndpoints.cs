namespace Hotline.Ledger.Integrity;

public static class IntegrityEndpoints
{
    /// <summary>
    /// The current head digest, and the whole chain verified against the events as stored now. With a
    /// printed <c>digest</c> and its <c>sequence</c> (a circular's or year-end table's last sequence) or its
    /// chain <c>position</c>, it also says whether the chain recomputed today still gives that digest.
    /// </summary>
    /// With <c>readModels=true</c> it also rebuilds the derived rows scores are read from and compares them
    /// with the stored ones, naming the first that differs, and records the result (a failed one stops
    /// circulars and approvals until a later verification passes).
    [WolverineGet("/api/integrity", OperationId = "verifyIntegrity")]
    public static async Task<IntegrityReport> Verify(
        LedgerIntegrity integrity, IntegrityVerifier verifier, long? position, long? sequence, string? digest, bool? readModels,
        CancellationToken cancellation)
    {
        if (readModels != true) return await integrity.VerifyAsync(position, digest, sequence, cancellation);

        var (chain, derived) = await verifier.VerifyAndRecordAsync(cancellation);
        var published = position is not null || sequence is not null
            ? await integrity.VerifyAsync(position, digest, sequence, cancellation)
            : chain;
        return published with { Valid = published.Valid && derived.Valid, ReadModels = derived };
    }
}
