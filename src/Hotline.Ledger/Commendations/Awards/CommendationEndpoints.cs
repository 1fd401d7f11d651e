namespace Hotline.Ledger.Commendations.Awards;

public static class CommendationEndpoints
{
    /// <summary>Commendations recorded, by year, plan, unit or individual.</summary>
    [WolverineGet("/api/commendations", OperationId = "listCommendations")]
    public static async Task<IReadOnlyList<Commendation>> List(IQuerySession session, YearFilter year, Guid? planId, Guid? unitId, Guid? personId)
    {
        var query = session.Query<Commendation>().AsQueryable();
        if (year.Year is { } y) query = query.Where(c => c.Year == y);
        if (planId is { } p) query = query.Where(c => c.PlanId == p);
        if (unitId is { } u) query = query.Where(c => c.UnitId == u);
        if (personId is { } person) query = query.Where(c => c.PersonId == person);
        var rows = await query.ToListAsync();
        return rows.OrderBy(c => c.Year).ThenBy(c => c.Kind == Review.Candidates.UnitKind ? 0 : 1).ThenBy(c => c.UnitCode, StringComparer.Ordinal)
            .ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }
}
