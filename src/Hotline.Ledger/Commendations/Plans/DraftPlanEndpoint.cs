using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Commendations.Plans;

/// <summary>What drafting a plan found: the approved result it rests on (or why there is none), a plan already drafted, the terms.</summary>
public sealed record PlanDraft(ApprovedResult? Result, Refusal? NotApproved, CommendationPlan? Existing, Rulebook? Rulebook, PlanTerms? Terms, FieldRefusal? Fault);

public static class DraftPlanEndpoint
{
    public static async Task<PlanDraft> LoadAsync(DraftCommendationPlan command, IQuerySession session, RulebookCatalog rulebooks, TimeProvider clock)
    {
        var (result, missing) = await ApprovedResult.Of(session, command.Year);
        if (result is null) return new(null, missing, null, null, null, null);
        if (await session.Query<CommendationPlan>().FirstOrDefaultAsync(p => p.Year == command.Year) is { } existing)
            return new(result, null, existing, null, null, null);
        var rulebook = rulebooks.Get(result.Sheet.Rulebook)!;
        var terms = PlanDrafting.Terms(command, command.Year, rulebook);
        return new(result, null, null, rulebook, terms, PlanDrafting.Fault(terms, command.Year, result.Sheet, OfficeCalendar.Today(clock)));
    }

    public static ProblemDetails Validate(DraftCommendationPlan command, PlanDraft draft)
    {
        if (draft.NotApproved is { } missing) return Problems.ConflictProblemAs(missing, "result.notApproved.title", "year");
        if (draft.Existing is { } existing) return Problems.ConflictProblem(new Refusal("plan.exists", command.Year, existing.Id, existing.Status), "year");
        return draft.Fault is { } fault ? Problems.InvalidProblem(fault) : WolverineContinue.NoProblems;
    }

    /// <summary>The office drafts the year's commendation plan (S1) from its approved year-end result.</summary>
    [WolverinePost("/api/commendation-plans", OperationId = "draftCommendationPlan")]
    public static (Written<PlanView>, IStartStream) Post(DraftCommendationPlan command, PlanDraft draft, HttpContext http)
    {
        var (result, rulebook) = (draft.Result!, draft.Rulebook!);
        var id = Guid.CreateVersion7();
        return (new(id, $"/api/commendation-plans/{id}"), MartenOps.StartStream<CommendationPlan>(id, new CommendationPlanDrafted(
            id, command.Year, result.Evaluation.Id, result.Evaluation.SheetId, result.Stored.Sha256, rulebook.Id, draft.Terms!,
            PlanDrafting.Rules(rulebook), RequestActor.Of(http))));
    }
}
