namespace Hotline.Ledger.Integrity;

/// <summary>The scheduled deep verification (daily by default, <c>Hotline:Integrity:VerifyCron</c>).</summary>
public sealed record VerifyLedgerIntegrity;
