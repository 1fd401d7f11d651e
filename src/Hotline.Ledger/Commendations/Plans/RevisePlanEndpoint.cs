using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Commendations.Plans;

/// <summary>The new terms and what the result they rest on says of them (nothing is looked up for a plan that may not be revised).</summary>
public sealed record Revision(PlanTerms? Terms, FieldRefusal? Fault);

public static class RevisePlanEndpoint
{
    public static async Task<Revision> LoadAsync(RevisePlan command, CommendationPlan plan, IQuerySession session, RulebookCatalog rulebooks, TimeProvider clock)
    {
        var today = OfficeCalendar.Today(clock);
        if (PlanSteps.Refusal(plan, PlanSteps.Step.Revise, today) is not null) return new(null, null);
        var result = await ApprovedResult.Load(session, plan.EvaluationId);
        var terms = PlanDrafting.Terms(command, plan.Year, rulebooks.Get(plan.Rulebook)!);
        return new(terms, PlanDrafting.Fault(terms, plan.Year, result.Sheet, today));
    }

    public static ProblemDetails Validate(CommendationPlan plan, Revision revision, TimeProvider clock)
    {
        var problem = PlanProblems.Check(plan, PlanSteps.Step.Revise, clock);
        if (problem != WolverineContinue.NoProblems) return problem;
        return revision.Fault is { } fault ? Problems.InvalidProblem(fault) : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/commendation-plans/{id}/revise", OperationId = "reviseCommendationPlan")]
    public static (Written<PlanView>, CommendationPlanRevised) Post(RevisePlan command,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.CommendationPlan)] CommendationPlan plan,
        Revision revision, HttpContext http) =>
        (new(plan.Id), new CommendationPlanRevised(plan.Id, revision.Terms!, RequestActor.Of(http)));
}
