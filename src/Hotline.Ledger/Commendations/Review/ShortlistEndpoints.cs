using Hotline.Ledger.Commendations.Applications;
using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Evaluation.YearEnd;

namespace Hotline.Ledger.Commendations.Review;

public static class ShortlistEndpoints
{
    /// <summary>The candidates of a plan — applying units and nominees — with their result and eligibility: what the office reviews.</summary>
    [WolverineGet("/api/commendation-plans/{id}/candidates", OperationId = "listCommendationCandidates")]
    public static Task<CandidateList> List(
        [Entity(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.CommendationPlan)] CommendationPlan plan, IQuerySession session) =>
        CandidatesOf(session, plan);

    public static async Task<CandidateList> CandidatesOf(IQuerySession session, CommendationPlan plan)
    {
        var result = await ApprovedResult.Load(session, plan.EvaluationId);
        var applications = await session.Query<Application>().Where(a => a.PlanId == plan.Id).ToListAsync();
        return Candidates.Of(plan, result.Sheet, applications);
    }
}
