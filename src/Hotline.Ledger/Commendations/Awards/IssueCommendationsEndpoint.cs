using Hotline.Ledger.Commendations.Plans;

namespace Hotline.Ledger.Commendations.Awards;

public static class IssueCommendationsEndpoint
{
    /// <summary>The plan is named in the body, not the path: an unknown one is a field of the request that is wrong (400), not a 404.</summary>
    public static Task<IEventStream<CommendationPlan>> LoadAsync(IssueCommendations command, IDocumentSession session) =>
        session.Events.FetchForWriting<CommendationPlan>(command.PlanId);

    public static ProblemDetails Validate(IssueCommendations command, IEventStream<CommendationPlan> stream, TimeProvider clock)
    {
        if (stream.Aggregate is not { } plan) return Problems.InvalidProblem("planId", "commendation.planId.unknown", command.PlanId);
        var today = OfficeCalendar.Today(clock);
        if (PlanSteps.Refusal(plan, PlanSteps.Step.Issue, today) is { } refusal) return PlanProblems.OutOfOrder(refusal);
        if (command.AwardedOn > today) return Problems.InvalidProblem("awardedOn", "commendation.awardedOn.future", today);
        var approvedOn = OfficeCalendar.DateOf(plan.Steps.Last(s => s.Step == "shortlistApproved").At);
        return command.AwardedOn < approvedOn ? Problems.InvalidProblem("awardedOn", "commendation.awardedOn.beforeApproval", approvedOn) : WolverineContinue.NoProblems;
    }

    /// <summary>Records the commendations (S4) of every unit and individual on a plan's approved shortlist, once.</summary>
    [WolverinePost("/api/commendations", OperationId = "issueCommendations")]
    public static (Written<IssuedCommendations>, IEnumerable<IMartenOp>) Post(IssueCommendations command, IEventStream<CommendationPlan> stream, HttpContext http)
    {
        var plan = stream.Aggregate!;
        var actor = RequestActor.Of(http);
        var documentNumber = command.DocumentNumber.Trim();
        var awarded = plan.Shortlist!.Units.Concat(plan.Shortlist.People).Select(pick =>
        {
            var id = Commendation.IdOf(plan.Id, pick.SubjectId);
            return new CommendationAwarded(id, plan.Id, plan.Year, pick.Kind, pick.UnitId, pick.Kind == Review.Candidates.PersonKind ? pick.SubjectId : null,
                pick.Name, pick.UnitCode, pick.UnitName, Commendation.TitleOf(plan.Year, pick.Kind), documentNumber, command.AwardedOn, actor);
        }).ToList();

        stream.AppendOne(new CommendationsIssued(plan.Id, documentNumber, command.AwardedOn, awarded.Select(a => a.CommendationId).ToList(), actor));
        return (new(plan.Id, $"/api/commendations?planId={plan.Id}"),
            awarded.Select(a => (IMartenOp)MartenOps.StartStream<Commendation>(a.CommendationId, a)).ToList());
    }
}
