using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Http;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Appeals;

public static class AppealEndpoints
{
    [WolverinePost("/api/appeals", OperationId = "fileAppeal")]
    public static async Task<IResult> File(
        FileAppeal command, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock, HttpContext http)
    {
        // A liaison appeals only what was recorded against their own unit, and learns nothing of other units'.
        var notTheirs = command.EntryId is { } contested
            ? await LiaisonScope.RefuseEntry(http, session, contested)
            : await LiaisonScope.RefuseUnit(http, session, command.UnitId ?? Guid.Empty);
        if (notTheirs is not null) return notTheirs;

        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var actor = RequestActor.Of(http);
        var (filed, refusal) = command.EntryId is { } entryId
            ? await AppealFiling.AgainstEntry(session, rulebooks, id, entryId, command, now, actor)
            : await AppealFiling.AgainstCriterion(session, rulebooks, id, command, now, actor);
        if (refusal is not null) return refusal;

        if (await YearEndEvaluations.ApprovedFor(session, filed!.Year) is { } approved)
            return Problems.Refuse("appeal.approved", null, approved.Id, filed.Year, approved.ApprovedAt);
        if (await session.Query<Appeal>().FirstOrDefaultAsync(a => a.Subject == filed.Subject) is { } earlier)
            return Problems.Refuse("appeal.already", filed.EntryId is null ? "criterion" : "entryId", earlier.Id, earlier.FiledAt, earlier.Status);

        session.Events.StartStream<Appeal>(id, filed);
        await session.SaveChangesAsync();

        var appeal = await session.LoadAsync<Appeal>(id);
        return Results.Created($"/api/appeals/{id}", AppealView.Of(appeal!));
    }

    [WolverinePost("/api/appeals/{id}/decision", OperationId = "decideAppeal")]
    public static async Task<IResult> Decide(
        Guid id, DecideAppeal command, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock, HttpContext http)
    {
        // The version read here is checked on commit: of two racing decisions, one gets a 409.
        var stream = await session.Events.FetchForWriting<Appeal>(id);
        if (stream.Aggregate is not { } appeal) return Problems.NotFound("appeal", id);
        if (appeal.Decision is { } done)
            return Problems.Refuse("appeal.decided", null, id, done.Outcome, done.DecidedAt, done.DecidedBy);

        var actor = RequestActor.Of(http);
        var (decided, refusal) = command.Outcome == Appeal.Rejected
            ? (AppealRemedy.Decided(appeal, Appeal.Rejected, command.Reason.Trim(), null, null, null, actor), null)
            : appeal.EntryId is not null
                ? await AppealRemedy.OnEntry(session, rulebooks, appeal, command, clock, actor)
                : AppealRemedy.OnCriterion(session, rulebooks, appeal, command, clock, actor);
        if (refusal is not null) return refusal;

        stream.AppendOne(decided!);
        await session.SaveChangesAsync();

        var after = await session.LoadAsync<Appeal>(id);
        return Results.Ok(AppealView.Of(after!));
    }

    [WolverineGet("/api/appeals/{id}", OperationId = "getAppeal")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http, ReadAudit audit)
    {
        var appeal = await session.LoadAsync<Appeal>(id);
        // A liaison is refused another unit's appeal, and an unknown one, alike.
        if (await LiaisonScope.RefuseUnit(http, session, appeal?.UnitId ?? Guid.Empty) is { } refusal) return refusal;
        if (appeal is null) return Problems.NotFound("appeal", id);
        await audit.RecordAsync(http, ReadKind.Appeal, appeal.UnitId, appeal.PersonId, http.RequestAborted);
        return Results.Ok(AppealView.Of(appeal));
    }

    /// <summary>The appeals, oldest first, optionally of one unit, year or status.</summary>
    [WolverineGet("/api/appeals", OperationId = "listAppeals")]
    public static async Task<IResult> List(IQuerySession session, HttpContext http, Guid? unitId, string? year, string? status, string? format)
    {
        var (export, unknown) = Hotline.Ledger.Exports.TableExport.Asked(http.Request, format);
        if (unknown is not null) return unknown;
        var query = session.Query<Appeal>().AsQueryable();
        if (unitId is { } u) query = query.Where(a => a.UnitId == u);
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, out var y) || y is < 2000 or > 2100) return Problems.Invalid("year", "year.format");
            query = query.Where(a => a.Year == y);
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (status is not (Appeal.Pending or Appeal.Upheld or Appeal.Rejected))
                return Problems.Invalid("status", "appeal.status.unknown");
            query = query.Where(a => a.Status == status);
        }

        var appeals = await query.OrderBy(a => a.FiledAt).ToListAsync();
        // A liaison is listed their own unit's appeals only.
        appeals = await LiaisonScope.Filter(http, session, appeals, a => a.UnitId, _ => null);
        if (export is { } chosen)
        {
            var ids = appeals.Select(a => a.UnitId).Distinct().ToArray();
            var units = ids.Length == 0 ? [] : (await session.LoadManyAsync<Hotline.Ledger.Registry.Units.Unit>(http.RequestAborted, ids)).ToDictionary(u => u.Id, u => u.Name);
            return Hotline.Ledger.Exports.TableExport.File(http.Request, chosen, "appeals", "申诉", AppealView.Columns,
                appeals.Select(a => (AppealView.Of(a), units.GetValueOrDefault(a.UnitId))));
        }

        return Results.Ok(appeals.Select(AppealView.Of).ToList());
    }
}
