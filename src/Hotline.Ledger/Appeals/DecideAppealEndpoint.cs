using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Appeals;

public static class DecideAppealEndpoint
{
    /// <summary>
    /// The decision and what it does to the ledger, or the problem to answer. An upheld appeal's compensating events
    /// (the rescission, the corrected entry, the new mark) go on the request's session, so that Wolverine saves them
    /// with the decision or not at all (ADR 0030); a refused decision returns before anything is saved.
    /// </summary>
    public static async Task<(AppealDecided?, ProblemDetails)> LoadAsync(
        Guid id, DecideAppeal command, Appeal? appeal, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock, HttpContext http)
    {
        if (appeal is null) return (null, Problems.NotFoundProblem("appeal", id));
        if (appeal.Decision is { } done)
            return (null, Problems.ConflictProblem("appeal.decided", null, id, done.Outcome, done.DecidedAt, done.DecidedBy));

        var actor = RequestActor.Of(http);
        var (decided, refusal) = command.Outcome == Appeal.Rejected
            ? (AppealRemedy.Decided(appeal, Appeal.Rejected, command.Reason.Trim(), null, null, null, actor), null)
            : appeal.EntryId is not null
                ? await AppealRemedy.OnEntry(session, rulebooks, appeal, command, clock, actor)
                : AppealRemedy.OnCriterion(session, rulebooks, appeal, command, clock, actor);
        return refusal is null ? (decided, WolverineContinue.NoProblems) : (null, Problems.Of(refusal));
    }

    // The stream's version read with the appeal is checked when Wolverine saves: of two racing decisions, one answers 409.
    [WolverinePost("/api/appeals/{id}/decision", OperationId = "decideAppeal")]
    public static (Stored<Appeal, AppealView>, Events) Post(DecideAppeal command, [WriteAggregate("id", Required = false)] Appeal? appeal, AppealDecided decided) =>
        (Stored<Appeal, AppealView>.Updated(decided.AppealId), [decided]);
}
