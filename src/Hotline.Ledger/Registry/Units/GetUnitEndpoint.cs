namespace Hotline.Ledger.Registry.Units;

public static class GetUnitEndpoint
{
    public static ProblemDetails Validate(Unit? unit, Guid id) =>
        unit is null ? Problems.NotFoundProblem("unit", id) : WolverineContinue.NoProblems;

    [WolverineGet("/api/units/{id}", OperationId = "getUnit")]
    public static UnitView Get([Entity("id", Required = false)] Unit? unit) => UnitView.Of(unit!);
}
