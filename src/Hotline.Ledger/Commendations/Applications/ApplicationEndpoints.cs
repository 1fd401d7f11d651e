using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Registry;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Commendations.Applications;

public static class ApplicationEndpoints
{
    /// <summary>The applications under a plan, by unit code; optionally one unit's.</summary>
    [WolverineGet("/api/commendation-plans/{id}/applications", OperationId = "listCommendationApplications")]
    public static async Task<IReadOnlyList<Application>> List(
        [Entity(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.CommendationPlan)] CommendationPlan plan,
        IQuerySession session, HttpContext http, Guid? unitId)
    {
        var query = session.Query<Application>().Where(a => a.PlanId == plan.Id);
        if (unitId is { } u) query = query.Where(a => a.UnitId == u);
        // A liaison is listed their own unit's application only.
        var applications = await LiaisonScope.Filter(http, session, await query.ToListAsync(), a => a.UnitId, _ => null);
        return applications.OrderBy(a => a.UnitCode, StringComparer.Ordinal).ToList();
    }
}
