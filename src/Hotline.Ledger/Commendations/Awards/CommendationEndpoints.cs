using System.Globalization;
using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Http;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Commendations.Awards;

public sealed record IssuedCommendations(Guid PlanId, int Year, string DocumentNumber, DateOnly AwardedOn, IReadOnlyList<Commendation> Commendations);

public static class CommendationEndpoints
{
    /// <summary>Records the commendations (S4) of every unit and individual on a plan's approved shortlist, once.</summary>
    [WolverinePost("/api/commendations", OperationId = "issueCommendations")]
    public static async Task<IResult> Issue(IssueCommendations command, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var stream = await session.Events.FetchForWriting<CommendationPlan>(command.PlanId);
        if (stream.Aggregate is not { } plan) return Problems.Invalid("planId", "commendation.planId.unknown", command.PlanId);
        var today = OfficeCalendar.Today(clock);
        if (PlanSteps.Refusal(plan, PlanSteps.Step.Issue, today) is { } refusal) return PlanEndpoints.OutOfOrder(refusal);

        if (command.AwardedOn > today)
            return Problems.Invalid("awardedOn", "commendation.awardedOn.future", today);
        var approvedOn = OfficeCalendar.DateOf(plan.Steps.Last(s => s.Step == "shortlistApproved").At);
        if (command.AwardedOn < approvedOn)
            return Problems.Invalid("awardedOn", "commendation.awardedOn.beforeApproval", approvedOn);

        var actor = RequestActor.Of(http);
        var documentNumber = command.DocumentNumber.Trim();
        var ids = new List<Guid>();
        foreach (var pick in plan.Shortlist!.Units.Concat(plan.Shortlist.People))
        {
            var id = Commendation.IdOf(plan.Id, pick.SubjectId);
            ids.Add(id);
            session.Events.StartStream<Commendation>(id, new CommendationAwarded(id, plan.Id, plan.Year, pick.Kind, pick.UnitId,
                pick.Kind == Review.Candidates.PersonKind ? pick.SubjectId : null, pick.Name, pick.UnitCode, pick.UnitName,
                Commendation.TitleOf(plan.Year, pick.Kind), documentNumber, command.AwardedOn, actor));
        }

        stream.AppendOne(new CommendationsIssued(plan.Id, documentNumber, command.AwardedOn, ids, actor));
        await session.SaveChangesAsync();

        var awarded = await session.LoadManyAsync<Commendation>(ids);
        return Results.Created($"/api/commendations?planId={plan.Id}",
            new IssuedCommendations(plan.Id, plan.Year, documentNumber, command.AwardedOn, ids.Select(i => awarded.Single(a => a.Id == i)).ToList()));
    }

    /// <summary>Commendations recorded, by year, plan, unit or individual.</summary>
    [WolverineGet("/api/commendations", OperationId = "listCommendations")]
    public static async Task<IResult> List(IQuerySession session, string? year, Guid? planId, Guid? unitId, Guid? personId)
    {
        var query = session.Query<Commendation>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
                return Problems.Invalid("year", "year.format");
            query = query.Where(c => c.Year == y);
        }

        if (planId is { } p) query = query.Where(c => c.PlanId == p);
        if (unitId is { } u) query = query.Where(c => c.UnitId == u);
        if (personId is { } person) query = query.Where(c => c.PersonId == person);
        var rows = await query.ToListAsync();
        return Results.Ok(rows.OrderBy(c => c.Year).ThenBy(c => c.Kind == Review.Candidates.UnitKind ? 0 : 1).ThenBy(c => c.UnitCode, StringComparer.Ordinal)
            .ThenBy(c => c.Name, StringComparer.Ordinal).ToList());
    }
}
