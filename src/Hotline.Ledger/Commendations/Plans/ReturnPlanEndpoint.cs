namespace Hotline.Ledger.Commendations.Plans;

public static class ReturnPlanEndpoint
{
    public static ProblemDetails Validate(CommendationPlan plan, TimeProvider clock) => PlanProblems.Check(plan, PlanSteps.Step.Return, clock);

    /// <summary>A leader returns the plan to the office with comments.</summary>

    [WolverinePost("/api/commendation-plans/{id}/return", OperationId = "returnCommendationPlan")]
    public static (Written<PlanView>, CommendationPlanReturned) Post(ReturnPlan command,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.CommendationPlan)] CommendationPlan plan, HttpContext http) =>
        (new(plan.Id), new CommendationPlanReturned(plan.Id, command.Comments.Trim(), RequestActor.Of(http)));
}
