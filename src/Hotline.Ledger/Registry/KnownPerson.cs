using Hotline.Ledger.Registry.People;

namespace Hotline.Ledger.Registry;

/// <summary>
/// Middleware (<c>[Middleware(typeof(KnownPerson))]</c>) for a read about the person of the route's <c>{id}</c>: an
/// unknown person is the 404 before the endpoint runs, so nothing is read and nothing is put on file.
/// </summary>
public static class KnownPerson
{
    public static async Task<ProblemDetails> BeforeAsync(Guid id, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<Person>(id, cancellation) is null ? Problems.NotFoundProblem("person", id) : WolverineContinue.NoProblems;
}
