using Hotline.Ledger.Registry;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Appeals;

public static class GetAppealEndpoint
{
    /// <summary>A liaison is refused another unit's appeal, and an unknown one, alike.</summary>
    public static async Task<ProblemDetails> ValidateAsync(Guid id, Appeal? appeal, IQuerySession session, HttpContext http)
    {
        var scope = await LiaisonScope.Of(http, session);
        if (!scope.Sees(appeal?.UnitId ?? Guid.Empty)) return Problems.Of(Rejection.Forbidden(LiaisonScope.Reason(scope)));
        return appeal is null ? Problems.NotFoundProblem("appeal", id) : WolverineContinue.NoProblems;
    }

    [WolverineGet("/api/appeals/{id}", OperationId = "getAppeal")]
    [AuditedRead(ReadKind.Appeal, ReadSubject.Answer)]
    public static AppealView Get([Entity("id", Required = false)] Appeal? appeal) => AppealView.Of(appeal!);
}
