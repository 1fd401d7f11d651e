namespace Hotline.Ledger.SelfChecks;

public static class GetSelfCheckEndpoint
{
    /// <summary>The month's self-check, found by the id derived from the unit and the month, or the 404 naming both.</summary>
    public static async Task<(SelfCheck?, ProblemDetails)> LoadAsync(Guid id, string month, IQuerySession session) =>
        await session.LoadAsync<SelfCheck>(SelfCheck.IdOf(id, month)) is { } check
            ? (check, WolverineContinue.NoProblems)
            : (null, Problems.NotFoundProblem("self-check", $"{id}/{month}"));

    [WolverineGet("/api/units/{id}/self-checks/{month}", OperationId = "getSelfCheck")]
    public static SelfCheckView Get([NotBody] SelfCheck check) => SelfCheckView.Of(check);
}
