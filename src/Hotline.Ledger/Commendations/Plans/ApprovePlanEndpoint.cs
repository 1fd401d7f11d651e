namespace Hotline.Ledger.Commendations.Plans;

public static class ApprovePlanEndpoint
{
    public static ProblemDetails Validate(CommendationPlan plan, TimeProvider clock) => PlanProblems.Check(plan, PlanSteps.Step.Approve, clock);

    /// <summary>A leader approves the plan: its terms are final, and units apply within its window.</summary>

    [WolverinePost("/api/commendation-plans/{id}/approve", OperationId = "approveCommendationPlan")]
    public static (Written<PlanView>, CommendationPlanApproved) Post(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.CommendationPlan)] CommendationPlan plan, HttpContext http) =>
        (new(plan.Id), new CommendationPlanApproved(plan.Id, RequestActor.Of(http)));
}
