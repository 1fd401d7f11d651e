using Hotline.Ledger.Storage;

namespace Hotline.Ledger.Cases;

/// <summary>The deterministic ids of the case feed (ADR 0020, ADR 0023).</summary>
public static class CaseIds
{
    private static readonly Guid Cases = new("6b1f3c52-7a0e-4d8e-9a51-0c2f6f0d3a11");
    private static readonly Guid ReplyCharges = new("a4e7d9b0-1c3f-4e62-8f7a-5d2b9c1e0f44");

    /// <summary>The stream (and case file) of a case number: every row of the case lands here, in any order.</summary>
    public static Guid StreamOf(string caseNumber) => NameBasedGuid.Create(Cases, caseNumber);

    /// <summary>The D3.1 entry for a case's missed reply deadline, per unit: a second firing collides with the first.</summary>
    public static Guid ReplyChargeOf(string caseNumber, Guid unitId) => NameBasedGuid.Create(ReplyCharges, $"{caseNumber}|{unitId:N}");
}
