using Hotline.Ledger.Registry;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Notices;

public static class NoticeInboxEndpoint
{
    private const int Limit = 500;

    /// <summary>The caller's side; a liaison asking for another unit's notices is refused.</summary>
    public static async Task<(UnitScope? Scope, ProblemDetails Problem)> LoadAsync(Guid? unitId, IQuerySession session, HttpContext http)
    {
        var scope = await LiaisonScope.Of(http, session);
        return unitId is { } asked && !scope.Sees(asked) ? (null, LiaisonScope.Forbidden(scope)) : (scope, WolverineContinue.NoProblems);
    }

    /// <summary>
    /// The inbox: for a liaison, their unit's notices that a liaison's inbox subscription heard; for the office,
    /// those an office inbox subscription heard. Newest first; <c>unread=true</c> for the ones not yet read by the caller's side.
    /// </summary>
    [WolverineGet("/api/notices", OperationId = "notices")]
    public static async Task<IReadOnlyList<NoticeView>> Inbox(UnitScope scope, IQuerySession session, Guid? unitId, bool? unread, CancellationToken cancellation)
    {
        IQueryable<Notice> query = session.Query<Notice>();
        if (scope.Confined)
        {
            var own = scope.UnitId;
            query = query.Where(n => n.InUnitInbox && n.UnitId == own);
            if (unread == true) query = query.Where(n => n.ReadByUnitAt == null);
        }
        else
        {
            query = query.Where(n => n.InOfficeInbox);
            if (unread == true) query = query.Where(n => n.ReadByOfficeAt == null);
        }

        if (unitId is { } filter) query = query.Where(n => n.UnitId == filter);
        var notices = await query.OrderByDescending(n => n.RaisedAt).Take(Limit).ToListAsync(cancellation);
        return notices.Select(n => NoticeView.Of(n, (scope.Confined ? n.ReadByUnitAt : n.ReadByOfficeAt) is not null)).ToList();
    }
}
