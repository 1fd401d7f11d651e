using Hotline.Ledger.Approvals;
using Hotline.Ledger.Http;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>Draft rulebooks (ADR 0090): the office drafts and revises, the auditor and the leadership read.</summary>
public static class DraftEndpoints
{
    private const string Route = "/api/rulebooks/drafts";

    /// <summary>A draft from a whole rulebook, or a copy of one in the catalog (<c>{"copyOf": "xinyang-2019"}</c>).</summary>
    [WolverinePost(Route, OperationId = "draftRulebook")]
    public static async Task<IResult> Draft(IDocumentSession session, RulebookCatalog catalog, TimeProvider clock, HttpContext http)
    {
        var today = OfficeCalendar.Today(clock);
        var body = await DraftBody.Read(http.Request.Body, catalog, today, copyAllowed: true, http.RequestAborted);
        if (body.Json is null) return Problems.Fields(body.Faults);

        var comparedTo = body.CopyOf ?? (catalog.InForceOn(today) ?? catalog.All[^1]).Id;
        var id = Guid.CreateVersion7();
        session.Events.StartStream<RulebookDraft>(id, new RulebookDrafted(id, body.Json, body.CopyOf, comparedTo, RequestActor.Of(http)));
        await session.SaveChangesAsync();
        return Results.Created($"{Route}/{id}", await View(session, catalog, id));
    }

    [WolverineGet(Route + "/{id}", OperationId = "getRulebookDraft")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, RulebookCatalog catalog) =>
        await Live(session, id) is { } draft ? Results.Ok(DraftView.Of(draft, catalog)) : Problems.NotFound("rulebook draft", id);

    [WolverineGet(Route, OperationId = "listRulebookDrafts")]
    public static async Task<IReadOnlyList<DraftSummary>> List(IQuerySession session)
    {
        var drafts = await session.Query<RulebookDraft>().Where(d => d.Status != RulebookDraft.Deleted).ToListAsync();
        return drafts.OrderBy(d => d.DraftedAt).Select(DraftSummary.Of).ToList();
    }

    /// <summary>A new version: the whole rulebook again. The same rulebook as the current version changes nothing.</summary>
    [WolverinePut(Route + "/{id}", OperationId = "reviseRulebookDraft")]
    public static async Task<IResult> Revise(Guid id, IDocumentSession session, RulebookCatalog catalog, TimeProvider clock, HttpContext http)
    {
        var stream = await session.Events.FetchForWriting<RulebookDraft>(id);
        if (stream.Aggregate is not { IsGone: false } draft) return Problems.NotFound("rulebook draft", id);
        if (Refusal(draft, ApprovalMove.Edit) is { } refusal) return refusal;

        var body = await DraftBody.Read(http.Request.Body, catalog, OfficeCalendar.Today(clock), copyAllowed: false, http.RequestAborted);
        if (body.Json is null) return Problems.Fields(body.Faults);
        if (body.Json == draft.RulebookJson) return Results.Ok(DraftView.Of(draft, catalog));

        stream.AppendOne(new RulebookDraftRevised(id, body.Json, RequestActor.Of(http)));
        await session.SaveChangesAsync();
        return Results.Ok(await View(session, catalog, id));
    }

    /// <summary>Withdraws a draft that was never adopted.</summary>
    [WolverineDelete(Route + "/{id}", OperationId = "deleteRulebookDraft")]
    public static async Task<IResult> Delete(Guid id, IDocumentSession session, HttpContext http)
    {
        var stream = await session.Events.FetchForWriting<RulebookDraft>(id);
        if (stream.Aggregate is not { IsGone: false } draft) return Problems.NotFound("rulebook draft", id);
        if (Refusal(draft, ApprovalMove.Edit) is { } refusal) return refusal;

        stream.AppendOne(new RulebookDraftDeleted(id, RequestActor.Of(http)));
        await session.SaveChangesAsync();
        return Results.NoContent();
    }

    /// <summary>The office submits the draft for adoption from its effective date, which must lie in the future.</summary>
    [WolverinePost(Route + "/{id}/submit", OperationId = "submitRulebookDraft")]
    public static async Task<IResult> Submit(Guid id, IDocumentSession session, RulebookCatalog catalog, TimeProvider clock, HttpContext http)
    {
        var stream = await session.Events.FetchForWriting<RulebookDraft>(id);
        if (stream.Aggregate is not { IsGone: false } draft) return Problems.NotFound("rulebook draft", id);
        if ((Refusal(draft, ApprovalMove.Submit) ?? Unadoptable(draft, catalog, OfficeCalendar.Today(clock), ChangeIt)) is { } refusal) return refusal;

        stream.AppendOne(new RulebookDraftSubmitted(id, RequestActor.Of(http)));
        await session.SaveChangesAsync();
        return Results.Ok(await View(session, catalog, id));
    }

    [WolverinePost(Route + "/{id}/return", OperationId = "returnRulebookDraft")]
    public static async Task<IResult> Return(Guid id, ReturnDraft command, IDocumentSession session, RulebookCatalog catalog, HttpContext http)
    {
        var stream = await session.Events.FetchForWriting<RulebookDraft>(id);
        if (stream.Aggregate is not { IsGone: false } draft) return Problems.NotFound("rulebook draft", id);
        if (Refusal(draft, ApprovalMove.Return) is { } refusal) return refusal;

        stream.AppendOne(new RulebookDraftReturned(id, command.Comments.Trim(), RequestActor.Of(http)));
        await session.SaveChangesAsync();
        return Results.Ok(await View(session, catalog, id));
    }

    /// <summary>
    /// A leader adopts the draft: from its effective date (still in the future) it is the rulebook in force;
    /// before that date nothing it scores changes.
    /// </summary>
    [WolverinePost(Route + "/{id}/approve", OperationId = "approveRulebookDraft")]
    public static async Task<IResult> Approve(Guid id, IDocumentSession session, RulebookCatalog catalog, TimeProvider clock, HttpContext http)
    {
        var stream = await session.Events.FetchForWriting<RulebookDraft>(id);
        if (stream.Aggregate is not { IsGone: false } draft) return Problems.NotFound("rulebook draft", id);
        if ((Refusal(draft, ApprovalMove.Approve) ?? Unadoptable(draft, catalog, OfficeCalendar.Today(clock), ReturnIt(id))) is { } refusal)
            return refusal;

        var revision = draft.Rulebook();
        stream.AppendOne(new RulebookRevisionAdopted(id, revision.Id, revision.EffectiveFrom, RequestActor.Of(http)));
        await session.SaveChangesAsync();
        catalog.Adopt(revision);
        return Results.Ok(await View(session, catalog, id));
    }

    private static IResult? Refusal(RulebookDraft d, ApprovalMove move)
    {
        if (d.Status == ApprovalTrail.Approved)
            return Problems.Refuse("rulebookDraft.adopted", null, d.AdoptedId, d.ApprovedAt, d.ApprovedBy);
        return d.OutOfOrder(move, move.ToString().ToLowerInvariant(), "rulebook draft", $"{Route}/{d.Id}") is { } detail
            ? Problems.RefuseAs(detail, "rulebookDraft.outOfOrder.title")
            : null;
    }

    /// <summary>What the office or a leader does about a date or an id that cannot be adopted: (Chinese, English).</summary>
    private static readonly (string Zh, string En) ChangeIt = ("修改草案（PUT）", "Change it (PUT)");

    private static (string Zh, string En) ReturnIt(Guid id) =>
        ($"将草案退回（POST {Route}/{id}/return）由办公室修改", $"Return it (POST {Route}/{id}/return) so that the office changes it");

    /// <summary>A revision takes effect only after today, and under an id and on a day no rulebook has.</summary>
    private static IResult? Unadoptable(RulebookDraft d, RulebookCatalog catalog, DateOnly today, (string Zh, string En) remedy)
    {
        if (d.EffectiveFrom <= today) return Problems.Refuse("rulebookDraft.notFuture", "effectiveFrom", d.EffectiveFrom, today, remedy.Zh, remedy.En);
        return catalog.Clash(d.Rulebook()) is { } clash
            ? Problems.Refuse(clash.Field == "id" ? "rulebookDraft.idTaken" : "rulebookDraft.dayTaken", clash.Field,
                clash.Holder.Id, clash.Holder.EffectiveFrom, remedy.Zh, remedy.En)
            : null;
    }

    internal static async Task<RulebookDraft?> Live(IQuerySession session, Guid id) =>
        await session.LoadAsync<RulebookDraft>(id) is { IsGone: false } draft ? draft : null;

    private static async Task<DraftView> View(IQuerySession session, RulebookCatalog catalog, Guid id) =>
        DraftView.Of((await session.LoadAsync<RulebookDraft>(id))!, catalog);
}
