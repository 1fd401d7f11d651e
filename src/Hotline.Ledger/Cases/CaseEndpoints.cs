using Hotline.Ledger.Registry;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Cases;

public static class CaseEndpoints
{
    /// <summary>The case file, or the refusal: a liaison sees their unit's cases only; another unit's, an unassigned or an unknown one are refused alike.</summary>
    public static async Task<(CaseFile? File, ProblemDetails Problem)> LoadAsync(string caseNumber, IQuerySession session, HttpContext http)
    {
        var file = await session.LoadAsync<CaseFile>(CaseIds.StreamOf(caseNumber.Trim()), http.RequestAborted);
        var scope = await LiaisonScope.Of(http, session);
        if (!scope.Sees(file?.UnitId ?? Guid.Empty)) return (null, LiaisonScope.Forbidden(scope));
        return file is null ? (null, Problems.NotFoundProblem("case", caseNumber)) : (file, WolverineContinue.NoProblems);
    }

    /// <summary>
    /// One case as the ledger knows it: every row received (in platform order), its deadlines and charges. A case's
    /// timeline is evidence behind its charges: who opened it is recorded like a read of the trail.
    /// </summary>
    [WolverineGet("/api/cases/{caseNumber}", OperationId = "getCase")]
    [AuditedRead(ReadKind.Case, ReadSubject.Answer)]
    public static CaseView Get(CaseFile file) => CaseView.Of(file);
}
