namespace Hotline.Ledger.Evaluation.Circulars;

public static class ListCircularsEndpoint
{
    public static ProblemDetails Validate(string? year) =>
        QueryYear.Check(year, NumberStyles.Integer);

    [WolverineGet("/api/circulars", OperationId = "listCirculars")]
    public static Task<IReadOnlyList<CircularSummary>> Get(IQuerySession session, string? year)
    {
        return CircularReads.List(session, QueryYear.Parse(year, NumberStyles.Integer));
    }
}
