namespace Hotline.Ledger.Marks;

public static class GetMarkEndpoint
{
    public static ProblemDetails Validate(Mark? mark, Guid id) =>
        mark is null ? Problems.NotFoundProblem("mark", id) : WolverineContinue.NoProblems;

    [WolverineGet("/api/marks/{id}", OperationId = "getMark")]
    public static MarkView Get([Entity("id", Required = false)] Mark? mark) => MarkView.Of(mark!);
}
