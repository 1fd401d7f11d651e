using Hotline.Ledger.Registry;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Notices;

public static class ReadNoticeEndpoint
{
    /// <summary>The notice in the caller's inbox, or its refusal: unknown, another unit's (403), or not in the caller's side's inbox.</summary>
    public static async Task<(Notice? Notice, UnitScope? Scope, ProblemDetails Problem)> LoadAsync(Guid id, IQuerySession session, HttpContext http)
    {
        var notice = await session.LoadAsync<Notice>(id, http.RequestAborted);
        if (notice is null) return (null, null, Problems.NotFoundProblem("notice", id));
        var scope = await LiaisonScope.Of(http, session);
        if (scope.Confined && (notice.UnitId is not { } unit || !scope.Sees(unit))) return (null, null, LiaisonScope.Forbidden(scope));
        if (!(scope.Confined ? notice.InUnitInbox : notice.InOfficeInbox)) return (null, null, Problems.NotFoundProblem("notice", id));
        return (notice, scope, WolverineContinue.NoProblems);
    }

    /// <summary>Marks the notice read for the caller's side (unit or office); reading it again keeps the first time.</summary>
    [WolverinePost("/api/notices/{id}/read", OperationId = "readNotice")]
    public static (NoticeView, IMartenOp) Read([NotBody] Notice notice, [NotBody] UnitScope scope, TimeProvider clock)
    {
        if (scope.Confined) notice.ReadByUnitAt ??= clock.GetUtcNow();
        else notice.ReadByOfficeAt ??= clock.GetUtcNow();
        return (NoticeView.Of(notice, true), MartenOps.Store(notice));
    }
}
