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
        if (unit is null) return Problems.Invalid("unitId", "application.unitId.unknown", command.UnitId);
        var result = await ApprovedResult.Load(session, plan.EvaluationId);
        if (result.Sheet.Units.All(u => u.UnitId != unit.Id))
            return Problems.Invalid("unitId", "application.unitId.notInResult", unit.Code, plan.Year);

        var nominations = command.Nominations ?? [];
        var seeks = command.SeeksUnitCommendation ?? plan.Terms.UnitQuota > 0;
        if (!seeks && nominations.Count == 0)
            return Problems.Invalid("nominations", "application.nominations.nothingSought");

        var (nominees, fault) = await Nominees(session, plan, result, unit, nominations);
        if (fault is not null) return fault;

        if (seeks && plan.Terms.UnitQuota == 0)
            return Problems.Refuse("application.seeksUnitCommendation.noPlaces", "seeksUnitCommendation", plan.Year);
        if (nominations.Count > 0 && plan.Terms.PersonQuota == 0)
            return Problems.Refuse("application.nominations.noPlaces", "nominations", plan.Year);
        if (nominations.Count > plan.Terms.NominationsPerUnit)
            return Problems.Refuse("application.nominations.overShare", "nominations", plan.Year, plan.Terms.NominationsPerUnit, nominations.Count);

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
                return (null, Problems.Invalid(field, "application.personId.unknown", n.PersonId));

            var unitThen = person.UnitOn(staffOn);
            if (unitThen != unit.Id)
            {
                return (null, unitThen is { } other
                    ? Problems.Invalid(field, "application.personId.otherUnit", person.Name, unit.Code, staffOn, (await session.LoadAsync<Unit>(other))?.Code ?? other.ToString())
                    : Problems.Invalid(field, "application.personId.noUnit", person.Name, unit.Code, staffOn));
            }

            if (!ranked.Contains(person.Id))
                return (null, Problems.Invalid(field, "application.personId.notInResult", person.Name, plan.Year));

            nominees.Add(new Nomination(person.Id, person.Name, n.Deeds.Trim(), n.Evidence ?? []));
        }

        return (nominees, null);
    }
}
