using Hotline.Ledger.Commendations.Applications;
using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Http;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using static Hotline.Ledger.Commendations.Plans.PlanSteps;

namespace Hotline.Ledger.Commendations.Review;

public static class ShortlistEndpoints
{
    /// <summary>The candidates of a plan — applying units and nominees — with their result and eligibility: what the office reviews.</summary>
    [WolverineGet("/api/commendation-plans/{id}/candidates", OperationId = "listCommendationCandidates")]
    public static async Task<IResult> List(Guid id, IQuerySession session)
    {
        var plan = await session.LoadAsync<CommendationPlan>(id);
        if (plan is null) return Problems.NotFound("commendation plan", id);
        return Results.Ok(await CandidatesOf(session, plan));
    }

    /// <summary>
    /// The office draws up the shortlist (S3) after the window closes: candidates only, within the quotas,
    /// each eligible under the plan's rules. A later draft replaces the earlier one until it is submitted.
    /// </summary>
    [WolverinePost("/api/commendation-plans/{id}/shortlist", OperationId = "draftCommendationShortlist")]
    public static async Task<IResult> Draft(Guid id, DraftShortlist command, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var stream = await session.Events.FetchForWriting<CommendationPlan>(id);
        if (stream.Aggregate is not { } plan) return Problems.NotFound("commendation plan", id);
        if (Refusal(plan, Step.DraftShortlist, OfficeCalendar.Today(clock)) is { } refusal) return PlanEndpoints.OutOfOrder(refusal);

        var candidates = await CandidatesOf(session, plan);
        var unitPicks = command.Units ?? [];
        var personPicks = command.People ?? [];
        var (units, unitFault) = Pick(candidates.Units, unitPicks.Select(p => (p.UnitId, p.Reason)).ToList(), "units", "unitId",
            "shortlist.units.notCandidate");
        if (unitFault is not null) return unitFault;
        var (people, personFault) = Pick(candidates.People, personPicks.Select(p => (p.PersonId, p.Reason)).ToList(), "people", "personId",
            "shortlist.people.notCandidate");
        if (personFault is not null) return personFault;

        if (units!.Count > plan.Terms.UnitQuota)
            return Problems.Refuse("shortlist.units.overQuota", "units", plan.Year, plan.Terms.UnitQuota, units.Count);
        if (people!.Count > plan.Terms.PersonQuota)
            return Problems.Refuse("shortlist.people.overQuota", "people", plan.Year, plan.Terms.PersonQuota, people.Count);

        var ineligible = units.Select((c, i) => (c.Candidate, Field: $"units[{i}].unitId"))
            .Concat(people.Select((c, i) => (c.Candidate, Field: $"people[{i}].personId")))
            .Where(x => !x.Candidate.Eligible)
            .ToList();
        if (ineligible.Count > 0)
            return Problems.Refuse("shortlist.notEligible", ineligible[0].Field,
                string.Join(ProblemText.Of("list.separator"), ineligible.Select(x => $"{x.Candidate.Name} — {string.Join(ProblemText.Of("list.comma"), x.Candidate.Reasons)}")));

        stream.AppendOne(new ShortlistDrafted(id, units.Select(x => ToPick(x.Candidate, x.Reason)).ToList(),
            people.Select(x => ToPick(x.Candidate, x.Reason)).ToList(), RequestActor.Of(http)));
        await session.SaveChangesAsync();
        return Results.Ok(await PlanEndpoints.View(session, id));
    }

    /// <summary>The office submits the shortlist to the city government's leaders.</summary>
    [WolverinePost("/api/commendation-plans/{id}/shortlist/submit", OperationId = "submitCommendationShortlist")]
    public static Task<IResult> Submit(Guid id, IDocumentSession session, TimeProvider clock, HttpContext http) =>
        PlanEndpoints.Take(id, Step.SubmitShortlist, session, clock, _ => new ShortlistSubmitted(id, RequestActor.Of(http)));

    [WolverinePost("/api/commendation-plans/{id}/shortlist/return", OperationId = "returnCommendationShortlist")]
    public static Task<IResult> Return(Guid id, ReturnShortlist command, IDocumentSession session, TimeProvider clock, HttpContext http) =>
        PlanEndpoints.Take(id, Step.ReturnShortlist, session, clock, _ => new ShortlistReturned(id, command.Comments.Trim(), RequestActor.Of(http)));

    /// <summary>A leader approves the shortlist: these are the units and individuals to be commended.</summary>
    [WolverinePost("/api/commendation-plans/{id}/shortlist/approve", OperationId = "approveCommendationShortlist")]
    public static Task<IResult> Approve(Guid id, IDocumentSession session, TimeProvider clock, HttpContext http) =>
        PlanEndpoints.Take(id, Step.ApproveShortlist, session, clock, _ => new ShortlistApproved(id, RequestActor.Of(http)));

    private static async Task<CandidateList> CandidatesOf(IQuerySession session, CommendationPlan plan)
    {
        var result = await ApprovedResult.Load(session, plan.EvaluationId);
        var applications = await session.Query<Application>().Where(a => a.PlanId == plan.Id).ToListAsync();
        return Candidates.Of(plan, result.Sheet, applications);
    }

    private static (List<(Candidate Candidate, string? Reason)>? Picks, IResult? Fault) Pick(
        IReadOnlyList<Candidate> candidates, IReadOnlyList<(Guid Id, string? Reason)> picks, string list, string idField, string notCandidate)
    {
        var byId = candidates.ToDictionary(c => c.SubjectId);
        var chosen = new List<(Candidate, string?)>();
        for (var i = 0; i < picks.Count; i++)
        {
            if (!byId.TryGetValue(picks[i].Id, out var candidate))
                return (null, Problems.Invalid($"{list}[{i}].{idField}", notCandidate, picks[i].Id));
            chosen.Add((candidate, picks[i].Reason?.Trim()));
        }

        return (chosen, null);
    }

    private static ShortlistPick ToPick(Candidate c, string? reason) =>
        new(c.Kind, c.SubjectId, c.UnitId, c.Name, c.UnitCode, c.UnitName, c.Rank ?? 0, c.Total ?? 0m, c.Grade, string.IsNullOrEmpty(reason) ? null : reason);
}
