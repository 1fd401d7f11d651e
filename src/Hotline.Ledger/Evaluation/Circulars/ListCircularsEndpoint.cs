using System.Globalization;
using Hotline.Ledger.Http;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Hotline.Ledger.Evaluation.Circulars;

public static class ListCircularsEndpoint
{
    public static ProblemDetails Validate(string? year) =>
        QueryYear.Check(year, NumberStyles.Integer);

    [WolverineGet("/api/circulars", OperationId = "listCirculars")]
    public static async Task<IReadOnlyList<CircularSummary>> Get(IQuerySession session, string? year)
    {
        var query = session.Query<Circular>().AsQueryable();
        if (QueryYear.Parse(year, NumberStyles.Integer) is { } y) query = query.Where(c => c.Year == y);
        var circulars = await query.OrderBy(c => c.IssuedAt).ToListAsync();
        return circulars.Select(CircularSummary.Of).ToList();
    }
}
