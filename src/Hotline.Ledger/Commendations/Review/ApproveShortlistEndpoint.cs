using Hotline.Ledger.Commendations.Plans;

namespace Hotline.Ledger.Commendations.Review;

public static class ApproveShortlistEndpoint
{
    public static ProblemDetails Validate(CommendationPlan plan, TimeProvider clock) => PlanProblems.Check(plan, PlanSteps.Step.ApproveShortlist, clock);

    /// <summary>A leader approves the shortlist: these are the units and individuals to be commended.</summary>

    [WolverinePost("/api/commendation-plans/{id}/shortlist/approve", OperationId = "approveCommendationShortlist")]
    public static (Written<PlanView>, ShortlistApproved) Post(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.CommendationPlan)] CommendationPlan plan, HttpContext http) =>
        (new(plan.Id), new ShortlistApproved(plan.Id, RequestActor.Of(http)));
}
