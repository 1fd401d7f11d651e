namespace Hotline.Ledger.SpotChecks;

public static class SpotCheckEndpoints
{
    public static ProblemDetails Validate(string? year) =>
        string.IsNullOrWhiteSpace(year) || YearOf(year) is not null ? WolverineContinue.NoProblems : Problems.Of(Rejection.Invalid("year", "year.format"));

    [WolverineGet("/api/spot-checks", OperationId = "listSpotChecks")]
    public static async Task<IReadOnlyList<SpotCheck>> List(IQuerySession session, Guid? unitId, string? year)
    {
        var query = session.Query<SpotCheck>().AsQueryable();
        if (unitId is { } u) query = query.Where(c => c.UnitId == u);
        if (YearOf(year) is { } y) query = query.Where(c => c.Year == y);
        return await query.OrderBy(c => c.CheckedOn).ToListAsync();
    }

    private static int? YearOf(string? year) =>
        int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
}
