namespace Hotline.Ledger.Evaluation.YearEnd;

public static class ListEvaluationsEndpoint
{
    private static readonly string[] Statuses = [YearEndEvaluation.Draft, YearEndEvaluation.Submitted, YearEndEvaluation.Returned, YearEndEvaluation.Approved];

    public static ProblemDetails Validate(string? status)
    {
        if (!string.IsNullOrWhiteSpace(status) && !Statuses.Contains(status)) return Problems.InvalidProblem("status", "evaluation.status.unknown");
        return WolverineContinue.NoProblems;
    }

    [WolverineGet("/api/evaluations", OperationId = "listEvaluations")]
    public static async Task<IReadOnlyList<EvaluationSummary>> Get(IQuerySession session, YearFilter year, string? status)
    {
        var query = session.Query<YearEndEvaluation>().AsQueryable();
        if (year.Year is { } y) query = query.Where(e => e.Year == y);
        if (!string.IsNullOrWhiteSpace(status)) query = query.Where(e => e.Status == status);
        var evaluations = await query.OrderBy(e => e.Year).ToListAsync();
        return evaluations.Select(EvaluationSummary.Of).ToList();
    }
}
