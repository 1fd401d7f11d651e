using Hotline.Ledger.Commendations.Plans;

namespace Hotline.Ledger.Commendations.Review;

public static class SubmitShortlistEndpoint
{
    public static ProblemDetails Validate(CommendationPlan plan, TimeProvider clock) => PlanProblems.Check(plan, PlanSteps.Step.SubmitShortlist, clock);

    /// <summary>The office submits the shortlist to the city government's leaders.</summary>

    [WolverinePost("/api/commendation-plans/{id}/shortlist/submit", OperationId = "submitCommendationShortlist")]
    public static (Written<PlanView>, ShortlistSubmitted) Post(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.CommendationPlan)] CommendationPlan plan, HttpContext http) =>
        (new(plan.Id), new ShortlistSubmitted(plan.Id, RequestActor.Of(http)));
}
