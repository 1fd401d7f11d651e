namespace Hotline.Ledger.Commendations.Plans;

public static class ListPlansEndpoint
{
    public static ProblemDetails Validate(string? year) => QueryYear.Check(year);

    [WolverineGet("/api/commendation-plans", OperationId = "listCommendationPlans")]
    public static async Task<IReadOnlyList<PlanView>> Get(IQuerySession session, string? year)
    {
        var query = session.Query<CommendationPlan>().AsQueryable();
        if (QueryYear.Parse(year) is { } y) query = query.Where(p => p.Year == y);
        var plans = await query.OrderBy(p => p.Year).ToListAsync();
        return plans.Select(PlanView.Of).ToList();
    }
}
