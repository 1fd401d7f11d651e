using Hotline.Ledger.Commendations.Plans;

namespace Hotline.Ledger.Commendations.Awards;

public static class IssueCommendationsEndpoint
{
    /// <summary>
    /// The plan the body names. Read through a method, which the workflow calls after the body is validated; read as
    /// the body's member (<c>[WriteAggregate("PlanId")]</c>) the id is taken before, and a <c>null</c> body answered 500.
    /// </summary>
    public static Guid PlanOf(IssueCommendations command) => command.PlanId;

    /// <summary>
    /// The plan is named in the body, not the path, and loaded by Wolverine's workflow (<c>Required = false</c>): an
    /// unknown one is a field of the request that is wrong (400), not a 404.
    /// </summary>
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
    public static (Written<IssuedCommendations>, CommendationStreams) Post(IssueCommendations command,
        [WriteAggregate(FromMethod = nameof(PlanOf), Required = false)] IEventStream<CommendationPlan> stream, HttpContext http)
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
        return (new(plan.Id, $"/api/commendations?planId={plan.Id}"), new CommendationStreams(awarded));
    }
}
