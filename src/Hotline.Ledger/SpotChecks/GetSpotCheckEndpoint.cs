namespace Hotline.Ledger.SpotChecks;

public static class GetSpotCheckEndpoint
{
    public static ProblemDetails Validate(SpotCheck? check, Guid id) =>
        check is null ? Problems.NotFoundProblem("spot check", id) : WolverineContinue.NoProblems;

    [WolverineGet("/api/spot-checks/{id}", OperationId = "getSpotCheck")]
    public static SpotCheck Get([Entity("id", Required = false)] SpotCheck? check) => check!;
}
