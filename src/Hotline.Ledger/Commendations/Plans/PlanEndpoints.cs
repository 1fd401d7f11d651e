namespace Hotline.Ledger.Commendations.Plans;

public static class PlanEndpoints
{
    [WolverineGet("/api/commendation-plans/{id}", OperationId = "getCommendationPlan")]
    public static PlanView Get([Entity(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.CommendationPlan)] CommendationPlan plan) =>
        PlanView.Of(plan);
}
