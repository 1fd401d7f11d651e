using Hotline.Ledger.Security;

namespace Hotline.Ledger.Cases;

/// <summary>A case as the ledger knows it; its unit and person are whose records a read of it shows.</summary>
public sealed record CaseView(
    string CaseNumber,
    CaseStatus Status,
    int? Year,
    Guid? UnitId,
    Guid? PersonId,
    DateTimeOffset? ReplyDueAt,
    DateTimeOffset? CompletionDueAt,
    IReadOnlyList<ReplyObligation> ReplyObligations,
    IReadOnlyList<ReplyCharge> Charges,
    IReadOnlyList<CaseFact> Facts) : IReadSubject
{
    public static CaseView Of(CaseFile file)
    {
        var d = file.Derive();
        return new(file.CaseNumber, file.Status, file.Year, file.UnitId, file.PersonId, file.ReplyDueAt, file.CompletionDueAt,
            d.Obligations, file.Charges, file.Facts.OrderBy(f => f.At).ThenBy(f => f.RecordedAt).ToList());
    }
}
