namespace Hotline.Ledger.Commendations.Plans;

/// <summary>The plan's road (plan, applications, shortlist, issue) as the HTTP edge refuses it.</summary>
public static class PlanProblems
{
    /// <summary>The problem that stops <paramref name="step"/> today, or <see cref="WolverineContinue.NoProblems"/>.</summary>
    public static ProblemDetails Check(CommendationPlan plan, PlanSteps.Step step, TimeProvider clock) =>
        PlanSteps.Refusal(plan, step, OfficeCalendar.Today(clock)) is { } refusal ? OutOfOrder(refusal) : WolverineContinue.NoProblems;

    public static ProblemDetails OutOfOrder(Refusal refusal) => Problems.ConflictProblemAs(refusal, "plan.outOfOrder.title");
}
