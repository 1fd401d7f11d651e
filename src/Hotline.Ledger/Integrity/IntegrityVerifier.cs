namespace Hotline.Ledger.Integrity;

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
