using Wolverine.Http;

namespace Hotline.Ledger.Integrity;

public static class IntegrityEndpoints
{
    /// <summary>
    /// The current head digest, and the whole chain verified against the events as stored now. With
    /// <c>position</c> and <c>digest</c> (as printed on a circular or a year-end table) it also says whether
    /// the chain recomputed today still gives the printed digest at that position.
    /// </summary>
    [WolverineGet("/api/integrity", OperationId = "verifyIntegrity")]
    public static Task<IntegrityReport> Verify(LedgerIntegrity integrity, long? position, string? digest, CancellationToken cancellation) =>
        integrity.VerifyAsync(position, digest, cancellation);
}
