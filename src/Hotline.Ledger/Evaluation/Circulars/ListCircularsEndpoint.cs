namespace Hotline.Ledger.Evaluation.Circulars;

public static class ListCircularsEndpoint
{
    [WolverineGet("/api/circulars", OperationId = "listCirculars")]
    public static Task<IReadOnlyList<CircularSummary>> Get(IQuerySession session, YearFilter year)
    {
        return CircularReads.List(session, year.Year);
    }
}
