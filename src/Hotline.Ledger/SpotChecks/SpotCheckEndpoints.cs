namespace Hotline.Ledger.SpotChecks;

public static class SpotCheckEndpoints
{
    [WolverineGet("/api/spot-checks", OperationId = "listSpotChecks")]
    public static async Task<IReadOnlyList<SpotCheck>> List(IQuerySession session, Guid? unitId, YearFilter year)
    {
        var query = session.Query<SpotCheck>().AsQueryable();
        if (unitId is { } u) query = query.Where(c => c.UnitId == u);
        if (year.Year is { } y) query = query.Where(c => c.Year == y);
        return await query.OrderBy(c => c.CheckedOn).ToListAsync();
    }
}
