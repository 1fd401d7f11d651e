using Hotline.Ledger.Approvals;
using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>What drafting found: the year's evaluation if there is one already, and the sheet computed for a new one.</summary>
public sealed record Drafting(YearEndEvaluation? Existing, StoredSheet? Sheet);

public static class DraftEvaluationEndpoint
{
    /// <summary>The sheet is computed only for a year that is over and has no evaluation yet.</summary>
    public static async Task<Drafting> LoadAsync(DraftEvaluation command, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock)
    {
        if (OfficeCalendar.Today(clock) <= OfficeCalendar.LastDayOf(command.Year)) return new(null, null);
        if (await session.Query<YearEndEvaluation>().FirstOrDefaultAsync(e => e.Year == command.Year) is { } existing) return new(existing, null);
        return new(null, await YearEndEvaluations.Compute(session, rulebooks, command.Year, clock));
    }

    public static ProblemDetails Validate(DraftEvaluation command, Drafting drafting, TimeProvider clock)
    {
        var yearEnd = OfficeCalendar.LastDayOf(command.Year);
        if (OfficeCalendar.Today(clock) <= yearEnd)
            return Problems.ConflictProblem(new Refusal("evaluation.yearNotOver", command.Year, yearEnd), "year");
        if (drafting.Existing is { } existing)
            return Problems.ConflictProblem(new Refusal("evaluation.exists", command.Year, existing.Id, existing.Status, Instead(existing)), "year");
        if (drafting.Sheet is null) return Problems.InvalidProblem("year", "year.noRulebook", command.Year);
        return WolverineContinue.NoProblems;
    }

    /// <summary>Drafts the year-end evaluation: item-by-item scores as of 31 December, graded by the rulebook's bands.</summary>
    [WolverinePost("/api/evaluations", OperationId = "draftEvaluation")]
    public static (Written<EvaluationView>, IStartStream, InsertDoc<StoredSheet>) Post(DraftEvaluation command, Drafting drafting, HttpContext http)
    {
        var sheet = drafting.Sheet!;
        var id = Guid.CreateVersion7();
        return (new Written<EvaluationView>(id, $"/api/evaluations/{id}"),
            MartenOps.StartStream<YearEndEvaluation>(id, new EvaluationDrafted(id, command.Year, YearEndEvaluations.Computed(sheet), RequestActor.Of(http))),
            MartenOps.Insert(sheet));
    }

    /// <summary>What a second draft should do instead, by the first one's status: a route that exists for it now.</summary>
    private static string Instead(YearEndEvaluation existing)
    {
        var route = $"/api/evaluations/{existing.Id}";
        return existing.Status switch
        {
            ApprovalStatus.Approved => ProblemText.Of("evaluation.exists.approved", route),
            ApprovalStatus.Submitted => ProblemText.Of("evaluation.exists.submitted", route),
            _ => ProblemText.Of("evaluation.exists.recompute", route),
        };
    }
}
