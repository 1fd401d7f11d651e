using Hotline.Ledger.Registry.Units;

namespace Hotline.Ledger.Registry;

/// <summary>
/// Middleware (<c>[Middleware(typeof(KnownUnit))]</c>) for a read about the unit of the route's <c>{id}</c>: an unknown
/// unit is the 404 before the endpoint runs, so nothing is read and nothing is put on file.
/// </summary>
public static class KnownUnit
{
    public static async Task<ProblemDetails> BeforeAsync(Guid id, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<Unit>(id, cancellation) is null ? Problems.NotFoundProblem("unit", id) : WolverineContinue.NoProblems;
}
