using Hotline.Ledger.Integrity;
using Hotline.Ledger.Evaluation.Exports;
using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Http;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Evaluation.YearEnd;

public static class EvaluationEndpoints
{
    /// <summary>Drafts the year-end evaluation: item-by-item scores as of 31 December, graded by the rulebook's bands.</summary>
    [WolverinePost("/api/evaluations", OperationId = "draftEvaluation")]
    public static async Task<IResult> Draft(
        DraftEvaluation command, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock, HttpContext http)
    {
        var yearEnd = OfficeCalendar.LastDayOf(command.Year);
        if (OfficeCalendar.Today(clock) <= yearEnd)
            return Problems.Refuse("evaluation.yearNotOver", "year", command.Year, yearEnd);
        if (await session.Query<YearEndEvaluation>().FirstOrDefaultAsync(e => e.Year == command.Year) is { } existing)
            return Problems.Refuse("evaluation.exists", "year", command.Year, existing.Id, existing.Status, Instead(existing));

        var computed = await Compute(session, rulebooks, command.Year, clock);
        if (computed is null) return Problems.Invalid("year", "year.noRulebook", command.Year);

        var id = Guid.CreateVersion7();
        session.Events.StartStream<YearEndEvaluation>(id, new EvaluationDrafted(id, command.Year, computed, RequestActor.Of(http)));
        await session.SaveChangesAsync();
        return Results.Created($"/api/evaluations/{id}", await View(session, rulebooks, id));
    }

    /// <summary>Computes the draft's scores again from the ledger as it stands now; only before submission or after a return.</summary>
    [WolverinePost("/api/evaluations/{id}/recompute", OperationId = "recomputeEvaluation")]
    public static async Task<IResult> Recompute(Guid id, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock, HttpContext http)
    {
        var stream = await session.Events.FetchForWriting<YearEndEvaluation>(id);
        if (stream.Aggregate is not { } evaluation) return Problems.NotFound("evaluation", id);
        if (EvaluationSteps.Refusal(evaluation, EvaluationSteps.Step.Recompute) is { } refusal) return OutOfOrder(refusal);

        var computed = await Compute(session, rulebooks, evaluation.Year, clock);
        stream.AppendOne(new EvaluationRecomputed(id, computed!, RequestActor.Of(http)));
        await session.SaveChangesAsync();
        return Results.Ok(await View(session, rulebooks, id));
    }

    [WolverinePost("/api/evaluations/{id}/remarks", OperationId = "remarkEvaluationUnit")]
    public static async Task<IResult> Remark(Guid id, RemarkUnit command, IDocumentSession session, RulebookCatalog rulebooks, HttpContext http)
    {
        var stream = await session.Events.FetchForWriting<YearEndEvaluation>(id);
        if (stream.Aggregate is not { } evaluation) return Problems.NotFound("evaluation", id);
        if (EvaluationSteps.Refusal(evaluation, EvaluationSteps.Step.Remark) is { } refusal) return OutOfOrder(refusal);
        var sheet = await session.LoadAsync<StoredSheet>(evaluation.SheetId);
        if (sheet!.Sheet.Units.All(u => u.UnitId != command.UnitId))
            return Problems.Invalid("unitId", "evaluation.unitId.notIncluded", command.UnitId, evaluation.Year);

        stream.AppendOne(new UnitRemarked(id, command.UnitId, command.Text.Trim(), RequestActor.Of(http)));
        await session.SaveChangesAsync();
        return Results.Ok(await View(session, rulebooks, id));
    }

    /// <summary>
    /// The office submits the preliminary opinion to the leadership. An incomplete one (unmarked criteria, monthly
    /// reports never received) is refused unless the body overrides it with a reason, which is recorded (ADR 0066).
    /// </summary>
    [WolverinePost("/api/evaluations/{id}/submit", OperationId = "submitEvaluation")]
    public static async Task<IResult> Submit(Guid id, SubmitEvaluation? command, IDocumentSession session, RulebookCatalog rulebooks, HttpContext http)
    {
        if (OverrideFault(command?.Override) is { } fault) return fault;
        var stream = await session.Events.FetchForWriting<YearEndEvaluation>(id);
        if (stream.Aggregate is not { } evaluation) return Problems.NotFound("evaluation", id);
        if (EvaluationSteps.Refusal(evaluation, EvaluationSteps.Step.Submit) is { } refusal) return OutOfOrder(refusal);
        if (await PendingAppeals(session, evaluation) is { } pending) return pending;
        if (await YearEndEvaluations.ChangedSince(session, evaluation.Year, evaluation.KnownAt) is { } change)
            return OutOfOrder(new Refusal("evaluation.changed", evaluation.KnownAt, change, $"/api/evaluations/{id}/recompute"));
        var missing = await Missing(session, rulebooks, evaluation);
        if (!missing.Complete && command?.Override is null) return Incomplete(evaluation, missing, "submit");

        var reason = missing.Complete ? null : command!.Override!.Reason.Trim();
        stream.AppendOne(new EvaluationSubmitted(id, RequestActor.Of(http), reason, reason is null ? null : missing));
        await session.SaveChangesAsync();
        return Results.Ok(await View(session, rulebooks, id));
    }

    /// <summary>A leader returns the opinion to the office with comments.</summary>
    [WolverinePost("/api/evaluations/{id}/return", OperationId = "returnEvaluation")]
    public static async Task<IResult> Return(Guid id, ReturnEvaluation command, IDocumentSession session, RulebookCatalog rulebooks, HttpContext http)
    {
        var stream = await session.Events.FetchForWriting<YearEndEvaluation>(id);
        if (stream.Aggregate is not { } evaluation) return Problems.NotFound("evaluation", id);
        if (EvaluationSteps.Refusal(evaluation, EvaluationSteps.Step.Return) is { } refusal) return OutOfOrder(refusal);

        stream.AppendOne(new EvaluationReturned(id, command.Comments.Trim(), RequestActor.Of(http)));
        await session.SaveChangesAsync();
        return Results.Ok(await View(session, rulebooks, id));
    }

    /// <summary>A leader approves: from now on the result is the year's, frozen.</summary>
    [WolverinePost("/api/evaluations/{id}/approve", OperationId = "approveEvaluation")]
    public static async Task<IResult> Approve(Guid id, ApproveEvaluation? command, IDocumentSession session, RulebookCatalog rulebooks, HttpContext http)
    {
        if (OverrideFault(command?.Override) is { } fault) return fault;
        var stream = await session.Events.FetchForWriting<YearEndEvaluation>(id);
        if (stream.Aggregate is not { } evaluation) return Problems.NotFound("evaluation", id);
        if (EvaluationSteps.Refusal(evaluation, EvaluationSteps.Step.Approve) is { } refusal) return OutOfOrder(refusal);
        if (await PendingAppeals(session, evaluation) is { } pending) return pending;
        if (await IntegrityVerification.Refusal(session) is { } unsound) return unsound;
        // The leader decides for themselves: an override at submission does not carry over.
        var missing = await Missing(session, rulebooks, evaluation);
        if (!missing.Complete && command?.Override is null) return Incomplete(evaluation, missing, "approve");

        var reason = missing.Complete ? null : command!.Override!.Reason.Trim();
        stream.AppendOne(new EvaluationApproved(id, evaluation.SheetId, evaluation.Sha256, RequestActor.Of(http), reason, reason is null ? null : missing));
        await session.SaveChangesAsync();
        return Results.Ok(await View(session, rulebooks, id));
    }

    /// <summary>The evaluation: JSON, or CSV, XLSX or a printable HTML page by Accept or ?format=.</summary>
    [WolverineGet("/api/evaluations/{id}", OperationId = "getEvaluation")]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, RulebookCatalog rulebooks, string? format, string? table)
    {
        var (chosen, refusal) = SheetExport.Negotiate(http.Request, format, table);
        if (refusal is not null) return refusal;
        var evaluation = await session.LoadAsync<YearEndEvaluation>(id);
        if (evaluation is null) return Problems.NotFound("evaluation", id);
        var stored = await session.LoadAsync<StoredSheet>(evaluation.SheetId);

        return chosen == ExportFormat.Json
            ? Results.Ok(EvaluationView.Of(evaluation, stored!.Sheet, await Missing(session, rulebooks, evaluation, stored.Sheet)))
            : SheetExport.Render(chosen!.Value, Document(evaluation, stored!, rulebooks), table);
    }

    [WolverineGet("/api/evaluations", OperationId = "listEvaluations")]
    public static async Task<IResult> List(IQuerySession session, string? year, string? status)
    {
        var query = session.Query<YearEndEvaluation>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, out var y) || y is < 2000 or > 2100) return Problems.Invalid("year", "year.format");
            query = query.Where(e => e.Year == y);
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (status is not (YearEndEvaluation.Draft or YearEndEvaluation.Submitted or YearEndEvaluation.Returned or YearEndEvaluation.Approved))
                return Problems.Invalid("status", "evaluation.status.unknown");
            query = query.Where(e => e.Status == status);
        }

        var evaluations = await query.OrderBy(e => e.Year).ToListAsync();
        return Results.Ok(evaluations.Select(EvaluationSummary.Of).ToList());
    }

    /// <summary>Computes and stores the year's sheet as of 31 December, as the ledger stands now.</summary>
    private static async Task<SheetComputed?> Compute(IDocumentSession session, RulebookCatalog rulebooks, int year, TimeProvider clock)
    {
        var yearEnd = OfficeCalendar.LastDayOf(year);
        var rulebook = rulebooks.ForScoring(year, yearEnd);
        if (rulebook is null) return null;
        var sheet = await SheetBuilder.Build(session, rulebook, new ScoreQuery(year, yearEnd, clock.GetUtcNow()), graded: true);
        var sha256 = SheetJson.Sha256(sheet);
        var sheetId = Guid.CreateVersion7();
        session.Insert(new StoredSheet { Id = sheetId, Sha256 = sha256, Sheet = sheet });
        return new SheetComputed(sheetId, sha256, sheet.AsOf, sheet.KnownAt, sheet.LastSequence, sheet.Rulebook, sheet.Digest);
    }

    private static async Task<IResult?> PendingAppeals(IQuerySession session, YearEndEvaluation evaluation)
    {
        var pending = await YearEndEvaluations.PendingAppeals(session, evaluation.Year);
        return pending.Count == 0
            ? null
            : OutOfOrder(new Refusal("evaluation.appealsPending", pending.Count, evaluation.Year, string.Join(", ", pending.Select(a => a.Id))));
    }

    private static IResult OutOfOrder(Refusal refusal) => Problems.RefuseAs(refusal, "evaluation.outOfOrder.title");

    /// <summary>What a second draft should do instead, by the first one's status: a route that exists for it now.</summary>
    private static string Instead(YearEndEvaluation existing)
    {
        var route = $"/api/evaluations/{existing.Id}";
        return existing.Status switch
        {
            YearEndEvaluation.Approved => ProblemText.Of("evaluation.exists.approved", route),
            YearEndEvaluation.Submitted => ProblemText.Of("evaluation.exists.submitted", route),
            _ => ProblemText.Of("evaluation.exists.recompute", route),
        };
    }

    /// <summary>
    /// What the evaluation lacks: as it is now while it can still change; once approved, as it was recorded at the
    /// approval (nothing, unless the leader approved it incomplete), so that the approved view never changes.
    /// </summary>
    private static async Task<Completeness> Missing(IQuerySession session, RulebookCatalog rulebooks, YearEndEvaluation evaluation, ScoreSheet? sheet = null)
    {
        if (evaluation.Status == YearEndEvaluation.Approved) return YearEndEvaluations.MissingAtApproval(evaluation);
        sheet ??= (await session.LoadAsync<StoredSheet>(evaluation.SheetId))!.Sheet;
        return await Completeness.Of(session, rulebooks.Get(sheet.Rulebook), sheet);
    }

    private static IResult Incomplete(YearEndEvaluation evaluation, Completeness missing, string step)
    {
        var route = $"/api/evaluations/{evaluation.Id}";
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Title = ProblemText.Of("evaluation.incomplete.title"),
            Status = StatusCodes.Status409Conflict,
            Detail = ProblemText.Of("evaluation.incomplete", evaluation.Year, missing.Summary, route, step == "submit" ? "报送" : "批准", step),
        };
        problem.Extensions[Problems.CodeKey] = "evaluation.incomplete";
        problem.Extensions["missing"] = missing;
        return Results.Problem(problem);
    }

    /// <summary>An override must say why; a blank reason is no reason.</summary>
    private static IResult? OverrideFault(CompletenessOverride? given)
    {
        if (given is null) return null;
        var reason = given.Reason?.Trim() ?? "";
        if (reason.Length == 0) return Problems.Invalid("override.reason", "evaluation.override.reason.required");
        if (reason.Length > 2000) return Problems.Invalid("override.reason", "evaluation.override.reason.tooLong");
        if (reason.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return Problems.Invalid("override.reason", "text.control");
        return null;
    }

    private static async Task<EvaluationView> View(IQuerySession session, RulebookCatalog rulebooks, Guid id)
    {
        var evaluation = await session.LoadAsync<YearEndEvaluation>(id);
        var stored = await session.LoadAsync<StoredSheet>(evaluation!.SheetId);
        return EvaluationView.Of(evaluation, stored!.Sheet, await Missing(session, rulebooks, evaluation, stored.Sheet));
    }

    private static SheetDocument Document(YearEndEvaluation e, StoredSheet stored, RulebookCatalog rulebooks)
    {
        var status = e.Status switch
        {
            YearEndEvaluation.Approved => $"经{e.ApprovedBy}于{ChineseDates.Of(OfficeCalendar.DateOf(e.ApprovedAt!.Value))}批准",
            YearEndEvaluation.Submitted => "初步意见（已报送，待领导审批），不得公开",
            YearEndEvaluation.Returned => "初步意见（领导退回修改），不得公开",
            _ => "初步意见（草稿），不得公开",
        };
        var facts = SheetFacts.Of(stored.Sheet, stored.Sha256, rulebooks);
        facts.Add(("考评编号", e.Id.ToString()));
        foreach (var step in e.Steps.Where(s => s.Step is "drafted" or "submitted" or "returned" or "approved"))
            facts.Add((StepLabel(step.Step), $"{ChineseDates.Of(step.At)}，{step.By}{(step.Comments is null ? "" : $"：{step.Comments}")}"));

        var remarks = e.Remarks.ToDictionary(r => r.UnitId, r => r.Text);
        var signedOn = OfficeCalendar.DateOf(e.ApprovedAt ?? e.Steps[^1].At);
        return new SheetDocument($"evaluation-{e.Year}", $"{e.Year}年度市长热线网络成员单位考评结果", status, stored.Sheet, stored.Sha256,
            facts, remarks, Graded: true, signedOn, SheetFacts.Issuer);
    }

    private static string StepLabel(string step) => step switch
    {
        "drafted" => "起草",
        "submitted" => "报送",
        "returned" => "退回",
        "approved" => "批准",
        _ => step,
    };
}
