using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Registry;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Security;
using JasperFx.Events;

namespace Hotline.Ledger.Commendations.Applications;

/// <summary>What an application is checked against: the caller's scope, the plan, the unit, the approved result and the nominees.</summary>
public sealed record Applying(UnitScope Scope, CommendationPlan? Plan, Unit? Unit, ApprovedResult? Result, IReadOnlyDictionary<Guid, Person> People,
    IReadOnlyDictionary<Guid, string> UnitCodes, IEventStream<Application>? Stream);

public static class SubmitApplicationEndpoint
{
    /// <summary>Looks up only as far as the checks get: nothing for a unit that is not the liaison's or a plan that takes no applications.</summary>
    public static async Task<Applying> LoadAsync(Guid id, SubmitApplication command, IDocumentSession session, HttpContext http, TimeProvider clock)
    {
        var scope = await LiaisonScope.Of(http, session);
        var none = new Applying(scope, null, null, null, new Dictionary<Guid, Person>(), new Dictionary<Guid, string>(), null);
        if (!scope.Sees(command.UnitId) || await session.LoadAsync<CommendationPlan>(id) is not { } plan) return none;
        if (PlanSteps.Refusal(plan, PlanSteps.Step.Apply, OfficeCalendar.Today(clock)) is not null) return none with { Plan = plan };
        if (await session.LoadAsync<Unit>(command.UnitId) is not { } unit) return none with { Plan = plan };

        var result = await ApprovedResult.Load(session, plan.EvaluationId);
        var people = (await session.LoadManyAsync<Person>((command.Nominations ?? []).Select(n => n.PersonId).Distinct())).ToDictionary(p => p.Id);
        var others = people.Values.Select(p => p.UnitOn(plan.Terms.StaffOn)).OfType<Guid>().Where(u => u != unit.Id).Distinct().ToArray();
        var codes = (await session.LoadManyAsync<Unit>(others)).ToDictionary(u => u.Id, u => u.Code);
        // A racing first submission collides on the derived stream id; a racing resubmission on the version read here.
        var stream = await session.Events.FetchForWriting<Application>(Application.IdOf(id, unit.Id));
        return new(scope, plan, unit, result, people, codes, stream);
    }

    public static ProblemDetails Validate(Guid id, SubmitApplication command, Applying applying, TimeProvider clock)
    {
        // A liaison applies for their own unit only.
        if (!applying.Scope.Sees(command.UnitId))
        {
            var reason = LiaisonScope.Reason(applying.Scope);
            return Problems.StatusProblem(StatusCodes.Status403Forbidden, reason.Code, reason.Args);
        }

        if (applying.Plan is not { } plan) return Problems.NotFoundProblem("commendation plan", id);
        if (PlanSteps.Refusal(plan, PlanSteps.Step.Apply, OfficeCalendar.Today(clock)) is { } refusal) return PlanProblems.OutOfOrder(refusal);
        if (applying.Unit is null) return Problems.InvalidProblem("unitId", "application.unitId.unknown", command.UnitId);
        return ApplicationRules.Refusal(command, plan, applying.Unit, applying.Result!.Sheet, applying.People, applying.UnitCodes) is { } rejected
            ? Problems.Of(rejected)
            : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// A unit applies under an approved plan, inside its window (S2): its self-evaluation, its own candidacy,
    /// and its nominees — each on the unit's staff on the plan's staff date, no more than the unit's share.
    /// </summary>
    [WolverinePost("/api/commendation-plans/{id}/applications", OperationId = "submitCommendationApplication")]
    public static Written<Application> Post(Guid id, SubmitApplication command, Applying applying, HttpContext http)
    {
        var (plan, unit, stream) = (applying.Plan!, applying.Unit!, applying.Stream!);
        stream.AppendOne(ApplicationRules.Submitted(stream.Id, command, plan, unit, applying.People, RequestActor.Of(http)));
        return new(stream.Id, $"/api/commendation-plans/{id}/applications?unitId={unit.Id}");
    }
}
