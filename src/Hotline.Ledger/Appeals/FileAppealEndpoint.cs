using Hotline.Ledger.Entries;
using Hotline.Ledger.Registry;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Appeals;

public static class FileAppealEndpoint
{
    /// <summary>Checks the filing against what it contests and what the ledger holds: the event to record, or the problem to answer.</summary>
    public static async Task<(AppealFiled?, ProblemDetails)> LoadAsync(
        FileAppeal command, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock, HttpContext http, IApprovedYears years)
    {
        // A liaison appeals only what was recorded against their own unit, and learns nothing of other units'.
        var scope = await LiaisonScope.Of(http, session);
        var notTheirs = command.EntryId is { } contested
            ? await EntryScope.RefuseEntry(http, session, contested)
            : scope.Sees(command.UnitId ?? Guid.Empty) ? null : LiaisonScope.Reason(scope);
        if (notTheirs is not null) return (null, Problems.Of(Rejection.Forbidden(notTheirs)));

        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var actor = RequestActor.Of(http);
        var (filed, refusal) = command.EntryId is { } entryId
            ? await AppealFiling.AgainstEntry(session, rulebooks, id, entryId, command, now, actor)
            : await AppealFiling.AgainstCriterion(session, rulebooks, id, command, now, actor);
        if (refusal is not null) return (null, Problems.Of(refusal));

        if (await years.ApprovedFor(session, filed!.Year) is { } approved)
            return (null, Problems.ConflictProblem("appeal.approved", null, approved.Id, filed.Year, approved.ApprovedAt));
        // A racing second filing of the same matter fails on the subject's unique index when Wolverine saves, and answers 409.
        if (await session.Query<Appeal>().FirstOrDefaultAsync(a => a.Subject == filed.Subject) is { } earlier)
            return (null, Problems.ConflictProblem("appeal.already", filed.EntryId is null ? "criterion" : "entryId", earlier.Id, earlier.FiledAt, earlier.Status));
        return (filed, WolverineContinue.NoProblems);
    }

    [WolverinePost("/api/appeals", OperationId = "fileAppeal")]
    public static (Stored<Appeal, AppealView>, IStartStream) Post(FileAppeal command, [NotBody] AppealFiled filed) =>
        (Stored<Appeal, AppealView>.Created(filed.AppealId, $"/api/appeals/{filed.AppealId}"), MartenOps.StartStream<Appeal>(filed.AppealId, filed));
}
