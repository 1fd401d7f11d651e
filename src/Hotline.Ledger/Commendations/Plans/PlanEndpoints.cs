using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Http;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using static Hotline.Ledger.Commendations.Plans.PlanSteps;

namespace Hotline.Ledger.Commendations.Plans;

public static class PlanEndpoints
{
    /// <summary>The office drafts the year's commendation plan (S1) from its approved year-end result.</summary>
    [WolverinePost("/api/commendation-plans", OperationId = "draftCommendationPlan")]
    public static async Task<IResult> Draft(
        DraftCommendationPlan command, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock, HttpContext http)
    {
        var (result, missing) = await ApprovedResult.Of(session, command.Year);
        if (result is null) return Problems.RefuseAs(missing!, "result.notApproved.title", "year");
        if (await session.Query<CommendationPlan>().FirstOrDefaultAsync(p => p.Year == command.Year) is { } existing)
            return Problems.Refuse("plan.exists", "year", command.Year, existing.Id, existing.Status);

        var rulebook = rulebooks.Get(result.Sheet.Rulebook)!;
        var terms = PlanDrafting.Terms(command, command.Year, rulebook);
        if (PlanDrafting.Fault(terms, command.Year, result.Sheet, OfficeCalendar.Today(clock)) is { } fault)
            return Problems.Invalid(fault);

        var id = Guid.CreateVersion7();
        session.Events.StartStream<CommendationPlan>(id, new CommendationPlanDrafted(
            id, command.Year, result.Evaluation.Id, result.Evaluation.SheetId, result.Stored.Sha256, rulebook.Id, terms,
            PlanDrafting.Rules(rulebook), RequestActor.Of(http)));
        await session.SaveChangesAsync();
        return Results.Created($"/api/commendation-plans/{id}", await View(session, id));
    }

    [WolverinePost("/api/commendation-plans/{id}/revise", OperationId = "reviseCommendationPlan")]
    public static async Task<IResult> Revise(
        Guid id, RevisePlan command, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock, HttpContext http)
    {
        var stream = await session.Events.FetchForWriting<CommendationPlan>(id);
        if (stream.Aggregate is not { } plan) return Problems.NotFound("commendation plan", id);
        var today = OfficeCalendar.Today(clock);
        if (Refusal(plan, Step.Revise, today) is { } refusal) return OutOfOrder(refusal);

        var result = await ApprovedResult.Load(session, plan.EvaluationId);
        var terms = PlanDrafting.Terms(command, plan.Year, rulebooks.Get(plan.Rulebook)!);
        if (PlanDrafting.Fault(terms, plan.Year, result.Sheet, today) is { } fault) return Problems.Invalid(fault);

        stream.AppendOne(new CommendationPlanRevised(id, terms, RequestActor.Of(http)));
        await session.SaveChangesAsync();
        return Results.Ok(await View(session, id));
    }

    /// <summary>The office submits the plan to the leadership.</summary>
    [WolverinePost("/api/commendation-plans/{id}/submit", OperationId = "submitCommendationPlan")]
    public static Task<IResult> Submit(Guid id, IDocumentSession session, TimeProvider clock, HttpContext http) =>
        Take(id, Step.Submit, session, clock, _ => new CommendationPlanSubmitted(id, RequestActor.Of(http)));

    /// <summary>A leader returns the plan to the office with comments.</summary>
    [WolverinePost("/api/commendation-plans/{id}/return", OperationId = "returnCommendationPlan")]
    public static Task<IResult> Return(Guid id, ReturnPlan command, IDocumentSession session, TimeProvider clock, HttpContext http) =>
        Take(id, Step.Return, session, clock, _ => new CommendationPlanReturned(id, command.Comments.Trim(), RequestActor.Of(http)));

    /// <summary>A leader approves the plan: its terms are final, and units apply within its window.</summary>
    [WolverinePost("/api/commendation-plans/{id}/approve", OperationId = "approveCommendationPlan")]
    public static Task<IResult> Approve(Guid id, IDocumentSession session, TimeProvider clock, HttpContext http) =>
        Take(id, Step.Approve, session, clock, _ => new CommendationPlanApproved(id, RequestActor.Of(http)));

    [WolverineGet("/api/commendation-plans/{id}", OperationId = "getCommendationPlan")]
    public static async Task<IResult> Get(Guid id, IQuerySession session) =>
        await session.LoadAsync<CommendationPlan>(id) is { } plan ? Results.Ok(PlanView.Of(plan)) : Problems.NotFound("commendation plan", id);

    [WolverineGet("/api/commendation-plans", OperationId = "listCommendationPlans")]
    public static async Task<IResult> List(IQuerySession session, string? year)
    {
        var query = session.Query<CommendationPlan>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
                return Problems.Invalid("year", "year.format");
            query = query.Where(p => p.Year == y);
        }

        var plans = await query.OrderBy(p => p.Year).ToListAsync();
        return Results.Ok(plans.Select(PlanView.Of).ToList());
    }

    /// <summary>A step that takes nothing but the plan's state: checked by <see cref="PlanSteps"/>, appended, answered with the plan.</summary>
    internal static async Task<IResult> Take(Guid id, Step step, IDocumentSession session, TimeProvider clock, Func<CommendationPlan, object> @event)
    {
        var stream = await session.Events.FetchForWriting<CommendationPlan>(id);
        if (stream.Aggregate is not { } plan) return Problems.NotFound("commendation plan", id);
        if (Refusal(plan, step, OfficeCalendar.Today(clock)) is { } refusal) return OutOfOrder(refusal);

        stream.AppendOne(@event(plan));
        await session.SaveChangesAsync();
        return Results.Ok(await View(session, id));
    }

    internal static IResult OutOfOrder(Refusal refusal) => Problems.RefuseAs(refusal, "plan.outOfOrder.title");

    internal static async Task<PlanView> View(IQuerySession session, Guid id) => PlanView.Of((await session.LoadAsync<CommendationPlan>(id))!);
}
