namespace Hotline.Ledger.Commendations.Plans;

public static class ListPlansEndpoint
{
    [WolverineGet("/api/commendation-plans", OperationId = "listCommendationPlans")]
    public static async Task<IReadOnlyList<PlanView>> Get(IQuerySession session, YearFilter year)
    {
        var query = session.Query<CommendationPlan>().AsQueryable();
        if (year.Year is { } y) query = query.Where(p => p.Year == y);
        var plans = await query.OrderBy(p => p.Year).ToListAsync();
        return plans.Select(PlanView.Of).ToList();
    }
}
