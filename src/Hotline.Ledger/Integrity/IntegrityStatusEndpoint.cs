namespace Hotline.Ledger.Integrity;

/// <summary>The chain's head as it stands and the last recorded deep verification (null until one ran), without verifying anything.</summary>
public sealed record IntegrityStatus(ChainHead Head, IntegrityVerification? LastVerification);

public static class IntegrityStatusEndpoint
{
    /// <summary>Cheap enough for every page that shows it; verifying is <c>GET /api/integrity</c>.</summary>
    [WolverineGet("/api/integrity/status", OperationId = "integrityStatus")]
    public static async Task<IntegrityStatus> Status(LedgerIntegrity integrity, IQuerySession session, CancellationToken cancellation) =>
        new(await integrity.HeadAsync(cancellation), await session.LoadAsync<IntegrityVerification>(IntegrityVerification.LastId, cancellation));
}
