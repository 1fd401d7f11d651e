using Hotline.Ledger.Approvals;

namespace Hotline.Ledger.Evaluation.YearEnd;

public static class ListEvaluationsEndpoint
{
    // An evaluation is never commended or deleted: those words are refused like any other.
    private static readonly ApprovalStatus[] Statuses = [ApprovalStatus.Draft, ApprovalStatus.Submitted, ApprovalStatus.Returned, ApprovalStatus.Approved];

    private static ApprovalStatus? Named(string? word) =>
        StatusWord.Named<ApprovalStatus>(word) is { } status && Statuses.Contains(status) ? status : null;

    public static ProblemDetails Validate(string? status)
    {
        if (!string.IsNullOrWhiteSpace(status) && Named(status) is null)
            return Problems.InvalidProblem("status", "evaluation.status.unknown", Statuses.Select(s => StatusWord.Of(s)).ToList());
        return WolverineContinue.NoProblems;
    }

    [WolverineGet("/api/evaluations", OperationId = "listEvaluations")]
    public static async Task<IReadOnlyList<EvaluationSummary>> Get(IQuerySession session, YearFilter year, string? status)
    {
        var query = session.Query<YearEndEvaluation>().AsQueryable();
        if (year.Year is { } y) query = query.Where(e => e.Year == y);
        if (Named(status) is { } named) query = query.Where(e => e.Status == named);
        var evaluations = await query.OrderBy(e => e.Year).ToListAsync();
        return evaluations.Select(EvaluationSummary.Of).ToList();
    }
}
