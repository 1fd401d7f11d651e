using Wolverine.Http;

namespace Hotline.Ledger.Integrity;

public static class IntegrityEndpoints
{
    /// <summary>
    /// The current head digest, and the whole chain verified against the events as stored now. With a
    /// printed <c>digest</c> and its <c>sequence</c> (a circular's or year-end table's last sequence) or its
    /// chain <c>position</c>, it also says whether the chain recomputed today still gives that digest.
    /// </summary>
    [WolverineGet("/api/integrity", OperationId = "verifyIntegrity")]
    public static Task<IntegrityReport> Verify(
        LedgerIntegrity integrity, long? position, long? sequence, string? digest, CancellationToken cancellation) =>
        integrity.VerifyAsync(position, digest, sequence, cancellation);
}
