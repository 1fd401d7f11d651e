using Hotline.Ledger.Commendations.Plans;

namespace Hotline.Ledger.Commendations.Review;

public static class DraftShortlistEndpoint
{
    /// <summary>The candidates, for a plan whose shortlist may be drafted now (none are looked up otherwise).</summary>
    public static async Task<CandidateList> LoadAsync(CommendationPlan plan, IQuerySession session, TimeProvider clock) =>
        PlanSteps.Refusal(plan, PlanSteps.Step.DraftShortlist, OfficeCalendar.Today(clock)) is null
            ? await ShortlistEndpoints.CandidatesOf(session, plan)
            : new CandidateList(plan.Id, plan.Year, plan.Terms.UnitQuota, plan.Terms.PersonQuota, [], []);

    public static ProblemDetails Validate(DraftShortlist command, CommendationPlan plan, CandidateList candidates, TimeProvider clock)
    {
        var problem = PlanProblems.Check(plan, PlanSteps.Step.DraftShortlist, clock);
        if (problem != WolverineContinue.NoProblems) return problem;
        return ShortlistRules.Refusal(plan, candidates, command) is { } rejected ? Problems.Of(rejected) : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// The office draws up the shortlist (S3) after the window closes: candidates only, within the quotas,
    /// each eligible under the plan's rules. A later draft replaces the earlier one until it is submitted.
    /// </summary>
    [WolverinePost("/api/commendation-plans/{id}/shortlist", OperationId = "draftCommendationShortlist")]
    public static (Written<PlanView>, ShortlistDrafted) Post(DraftShortlist command,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.CommendationPlan)] CommendationPlan plan,
        CandidateList candidates, HttpContext http) =>
        (new(plan.Id), ShortlistRules.Drafted(plan, candidates, command, RequestActor.Of(http)));
}
