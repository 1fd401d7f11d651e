using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Registry;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Commendations.Applications;

/// <summary>What an application is checked against: the caller's scope, the plan, the unit, the approved result and the nominees.</summary>
public sealed record Applying(UnitScope Scope, CommendationPlan? Plan, Unit? Unit, ApprovedResult? Result, IReadOnlyDictionary<Guid, Person> People,
    IReadOnlyDictionary<Guid, string> UnitCodes);

public static class SubmitApplicationEndpoint
{
    /// <summary>
    /// The application's stream: one per plan and unit, its id derived from the route's plan and the body's unit, so a
    /// racing first submission collides on it and a racing resubmission on the version Wolverine's workflow read. Called
    /// by the workflow after the body is validated: a missing body is refused before it is asked.
    /// </summary>
    public static Guid StreamOf(Guid id, SubmitApplication command) => Application.IdOf(id, command.UnitId);

    /// <summary>Looks up only as far as the checks get: nothing for a unit that is not the liaison's or a plan that takes no applications.</summary>
    public static async Task<Applying> LoadAsync(Guid id, SubmitApplication command, IDocumentSession session, HttpContext http, TimeProvider clock)
    {
        var scope = await LiaisonScope.Of(http, session);
        var none = new Applying(scope, null, null, null, new Dictionary<Guid, Person>(), new Dictionary<Guid, string>());
        if (!scope.Sees(command.UnitId) || await session.LoadAsync<CommendationPlan>(id) is not { } plan) return none;
        if (PlanSteps.Refusal(plan, PlanSteps.Step.Apply, OfficeCalendar.Today(clock)) is not null) return none with { Plan = plan };
        if (await session.LoadAsync<Unit>(command.UnitId) is not { } unit) return none with { Plan = plan };

        var result = await ApprovedResult.Load(session, plan.EvaluationId);
        var people = (await session.LoadManyAsync<Person>((command.Nominations ?? []).Select(n => n.PersonId).Distinct())).ToDictionary(p => p.Id);
        var others = people.Values.Select(p => p.UnitOn(plan.Terms.StaffOn)).OfType<Guid>().Where(u => u != unit.Id).Distinct().ToArray();
        var codes = (await session.LoadManyAsync<Unit>(others)).ToDictionary(u => u.Id, u => u.Code);
        return new(scope, plan, unit, result, people, codes);
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
    /// A first application starts the stream, a resubmission appends to it.
    /// </summary>
    [WolverinePost("/api/commendation-plans/{id}/applications", OperationId = "submitCommendationApplication")]
    public static Written<Application> Post(Guid id, SubmitApplication command, Applying applying,
        [WriteAggregate(FromMethod = nameof(StreamOf), Required = false)] IEventStream<Application> stream, HttpContext http)
    {
        var (plan, unit) = (applying.Plan!, applying.Unit!);
        stream.AppendOne(ApplicationRules.Submitted(stream.Id, command, plan, unit, applying.People, RequestActor.Of(http)));
        return new(stream.Id, $"/api/commendation-plans/{id}/applications?unitId={unit.Id}");
    }
}
