namespace Hotline.Ledger.Cases;

/// <summary>The deterministic ids of the case feed (ADR 0020, ADR 0023).</summary>
public static class CaseIds
{
    /// <summary>The stream (and case file) of a case number: every row of the case lands here, in any order.</summary>
    public static Guid StreamOf(string caseNumber) => DeterministicId.From("case", caseNumber);

    /// <summary>The D3.1 entry for a case's missed reply deadline, per unit: a second firing collides with the first.</summary>
    public static Guid ReplyChargeOf(string caseNumber, Guid unitId) => DeterministicId.From("D3.1", caseNumber, unitId.ToString("N"));
}
