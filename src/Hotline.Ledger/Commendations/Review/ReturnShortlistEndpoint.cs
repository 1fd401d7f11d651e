using Hotline.Ledger.Commendations.Plans;

namespace Hotline.Ledger.Commendations.Review;

public static class ReturnShortlistEndpoint
{
    public static ProblemDetails Validate(CommendationPlan plan, TimeProvider clock) => PlanProblems.Check(plan, PlanSteps.Step.ReturnShortlist, clock);

    [WolverinePost("/api/commendation-plans/{id}/shortlist/return", OperationId = "returnCommendationShortlist")]
    public static (Written<PlanView>, ShortlistReturned) Post(ReturnShortlist command,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.CommendationPlan)] CommendationPlan plan, HttpContext http) =>
        (new(plan.Id), new ShortlistReturned(plan.Id, command.Comments.Trim(), RequestActor.Of(http)));
}
