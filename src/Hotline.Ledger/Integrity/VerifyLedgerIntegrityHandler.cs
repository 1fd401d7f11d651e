namespace Hotline.Ledger.Integrity;

public static class VerifyLedgerIntegrityHandler
{
    public static Task Handle(VerifyLedgerIntegrity _, IntegrityVerifier verifier, CancellationToken ct) => verifier.VerifyAndRecordAsync(ct);
}
