namespace Hotline.Ledger.Registry.Units;

public static class RegisterUnitEndpoint
{
    /// <summary>A code is registered once, whatever its case.</summary>
    public static async Task<ProblemDetails> ValidateAsync(RegisterUnit command, IDocumentSession session)
    {
        var code = command.Code.Trim();
        var key = Unit.KeyOf(code);
        return await session.Query<Unit>().AnyAsync(u => u.CodeKey == key)
            ? Problems.ConflictProblem("unit.code.duplicate", "code", code)
            : WolverineContinue.NoProblems;
    }

    // A racing registration of the same code fails on the unique index when Wolverine saves, and answers 409.
    [WolverinePost("/api/units", OperationId = "registerUnit")]
    public static (Stored<Unit, UnitView>, IStartStream) Post(RegisterUnit command, HttpContext http)
    {
        var id = Guid.CreateVersion7();
        var registered = new UnitRegistered(id, command.Code.Trim(), command.Name.Trim(), RequestActor.Of(http));
        return (Stored<Unit, UnitView>.Created(id, $"/api/units/{id}"), MartenOps.StartStream<Unit>(id, registered));
    }
}
