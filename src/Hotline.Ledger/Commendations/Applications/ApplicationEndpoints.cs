using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Http;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Security;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Commendations.Applications;

public static class ApplicationEndpoints
{
    /// <summary>
    /// A unit applies under an approved plan, inside its window (S2): its self-evaluation, its own candidacy,
    /// and its nominees — each on the unit's staff on the plan's staff date, no more than the unit's share.
    /// </summary>
    [WolverinePost("/api/commendation-plans/{id}/applications", OperationId = "submitCommendationApplication")]
    public static async Task<IResult> Submit(Guid id, SubmitApplication command, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        // A liaison applies for their own unit only.
        if (await LiaisonScope.RefuseUnit(http, session, command.UnitId) is { } notTheirs) return notTheirs;
        var plan = await session.LoadAsync<CommendationPlan>(id);
        if (plan is null) return Problems.NotFound("commendation plan", id);
        if (PlanSteps.Refusal(plan, PlanSteps.Step.Apply, OfficeCalendar.Today(clock)) is { } refusal) return PlanEndpoints.OutOfOrder(refusal);

        var unit = await session.LoadAsync<Unit>(command.UnitId);
        if (unit is null) return Problems.Field("unitId", $"There is no unit with id '{command.UnitId}'.");
        var result = await ApprovedResult.Load(session, plan.EvaluationId);
        if (result.Sheet.Units.All(u => u.UnitId != unit.Id))
            return Problems.Field("unitId", $"Unit {unit.Code} is not in the approved {plan.Year} result, so it cannot be commended under this plan.");

        var nominations = command.Nominations ?? [];
        var seeks = command.SeeksUnitCommendation ?? plan.Terms.UnitQuota > 0;
        if (!seeks && nominations.Count == 0)
            return Problems.Field("nominations", "An application seeks commendation for the unit ('seeksUnitCommendation'), nominates individuals, or both.");

        var (nominees, fault) = await Nominees(session, plan, result, unit, nominations);
        if (fault is not null) return fault;

        if (seeks && plan.Terms.UnitQuota == 0)
            return Problems.Conflict("No places for units", $"The {plan.Year} plan commends no advanced units (unitQuota 0); leave 'seeksUnitCommendation' false.", "seeksUnitCommendation");
        if (nominations.Count > 0 && plan.Terms.PersonQuota == 0)
            return Problems.Conflict("No places for individuals", $"The {plan.Year} plan commends no advanced individuals (personQuota 0); nominate no one.", "nominations");
        if (nominations.Count > plan.Terms.NominationsPerUnit)
            return Problems.Conflict("Over the unit's share",
                $"The {plan.Year} plan gives each unit {plan.Terms.NominationsPerUnit} nomination(s); this application names {nominations.Count}. Nominate at most {plan.Terms.NominationsPerUnit}.",
                "nominations");

        var streamId = Application.IdOf(id, unit.Id);
        // A racing first submission collides on the derived stream id; a racing resubmission on the version read here.
        var stream = await session.Events.FetchForWriting<Application>(streamId);
        stream.AppendOne(new ApplicationSubmitted(streamId, id, plan.Year, unit.Id, unit.Code, unit.Name, command.SelfEvaluation.Trim(), seeks,
            command.Evidence ?? [], nominees!, RequestActor.Of(http)));
        await session.SaveChangesAsync();

        var application = await session.LoadAsync<Application>(streamId);
        return Results.Created($"/api/commendation-plans/{id}/applications?unitId={unit.Id}", application);
    }

    /// <summary>The applications under a plan, by unit code; optionally one unit's.</summary>
    [WolverineGet("/api/commendation-plans/{id}/applications", OperationId = "listCommendationApplications")]
    public static async Task<IResult> List(Guid id, IQuerySession session, HttpContext http, Guid? unitId)
    {
        if (await session.LoadAsync<CommendationPlan>(id) is null) return Problems.NotFound("commendation plan", id);
        var query = session.Query<Application>().Where(a => a.PlanId == id);
        if (unitId is { } u) query = query.Where(a => a.UnitId == u);
        // A liaison is listed their own unit's application only.
        var applications = await LiaisonScope.Filter(http, session, await query.ToListAsync(), a => a.UnitId, _ => null);
        return Results.Ok(applications.OrderBy(a => a.UnitCode, StringComparer.Ordinal).ToList());
    }

    /// <summary>Each nominee must exist, be on the unit's staff on the plan's staff date, and be in the approved result.</summary>
    private static async Task<(List<Nomination>? Nominees, IResult? Fault)> Nominees(
        IQuerySession session, CommendationPlan plan, ApprovedResult result, Unit unit, IReadOnlyList<NominationRequest> nominations)
    {
        var staffOn = plan.Terms.StaffOn;
        var people = (await session.LoadManyAsync<Person>(nominations.Select(n => n.PersonId).Distinct())).ToDictionary(p => p.Id);
        var ranked = result.Sheet.People.Select(p => p.PersonId).ToHashSet();
        var nominees = new List<Nomination>();
        for (var i = 0; i < nominations.Count; i++)
        {
            var n = nominations[i];
            var field = $"nominations[{i}].personId";
            if (!people.TryGetValue(n.PersonId, out var person))
                return (null, Problems.Field(field, $"There is no person with id '{n.PersonId}'."));

            var unitThen = person.UnitOn(staffOn);
            if (unitThen != unit.Id)
            {
                var where = unitThen is { } other
                    ? $"belonged to another unit ({(await session.LoadAsync<Unit>(other))?.Code ?? other.ToString()})"
                    : "belonged to no unit";
                return (null, Problems.Field(field,
                    $"{person.Name} is not on the staff of {unit.Code}: on {staffOn:yyyy-MM-dd}, the plan's staff date, they {where}. A unit nominates its own staff."));
            }

            if (!ranked.Contains(person.Id))
                return (null, Problems.Field(field, $"{person.Name} is not in the approved {plan.Year} result, so they cannot be commended under this plan."));

            nominees.Add(new Nomination(person.Id, person.Name, n.Deeds.Trim(), n.Evidence ?? []));
        }

        return (nominees, null);
    }
}
