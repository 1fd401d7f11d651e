using Hotline.Ledger.Http;
using Hotline.Ledger.Security;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Cases;

public sealed record CaseView(
    string CaseNumber,
    string Status,
    int? Year,
    Guid? UnitId,
    Guid? PersonId,
    DateTimeOffset? ReplyDueAt,
    DateTimeOffset? CompletionDueAt,
    IReadOnlyList<ReplyObligation> ReplyObligations,
    IReadOnlyList<ReplyCharge> Charges,
    IReadOnlyList<CaseFact> Facts)
{
    public static CaseView Of(CaseFile file)
    {
        var d = file.Derive();
        return new(file.CaseNumber, file.Status, file.Year, file.UnitId, file.PersonId, file.ReplyDueAt, file.CompletionDueAt,
            d.Obligations, file.Charges, file.Facts.OrderBy(f => f.At).ThenBy(f => f.RecordedAt).ToList());
    }
}

public static class CaseEndpoints
{
    /// <summary>One case as the ledger knows it: every row received (in platform order), its deadlines and charges.</summary>
    [WolverineGet("/api/cases/{caseNumber}", OperationId = "getCase")]
    public static async Task<IResult> Get(string caseNumber, IQuerySession session, HttpContext http, ReadAudit audit)
    {
        var file = await session.LoadAsync<CaseFile>(CaseIds.StreamOf(caseNumber.Trim()));
        // A liaison sees their unit's cases only; another unit's, an unassigned or an unknown one are refused alike.
        if (await LiaisonScope.RefuseUnit(http, session, file?.UnitId ?? Guid.Empty) is { } refusal) return refusal;
        if (file is null) return Problems.NotFound("case", caseNumber);
        // A case's timeline is evidence behind its charges: who opened it is recorded like a read of the trail.
        await audit.RecordAsync(http, ReadKind.Case, file.UnitId, file.PersonId, http.RequestAborted);
        return Results.Ok(CaseView.Of(file));
    }
}
