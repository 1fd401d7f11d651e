namespace Hotline.Ledger.Commendations.Plans;

public static class SubmitPlanEndpoint
{
    public static ProblemDetails Validate(CommendationPlan plan, TimeProvider clock) => PlanProblems.Check(plan, PlanSteps.Step.Submit, clock);

    /// <summary>The office submits the plan to the leadership.</summary>

    [WolverinePost("/api/commendation-plans/{id}/submit", OperationId = "submitCommendationPlan")]
    public static (Written<PlanView>, CommendationPlanSubmitted) Post(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.CommendationPlan)] CommendationPlan plan, HttpContext http) =>
        (new(plan.Id), new CommendationPlanSubmitted(plan.Id, RequestActor.Of(http)));
}
