using Hotline.Ledger.Approvals;
using Hotline.Ledger.Exports;
using Hotline.Ledger.Evaluation.Exports;
using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.YearEnd;

public static class EvaluationEndpoints
{
    /// <summary>
    /// The evaluation: JSON, or CSV, XLSX or a printable HTML page by Accept or ?format=; its format is negotiated
    /// before the id is looked up, as every export's is.
    /// </summary>
    [WolverineGet("/api/evaluations/{id}", OperationId = "getEvaluation")]
    public static Task<JsonOrFile<EvaluationView>> Get(Guid id, HttpContext http, IQuerySession session, RulebookCatalog rulebooks, string? format, string? table) =>
        SheetExport.Answer(http.Request, format, table, () => Load(session, id), () => Problems.NotFound("evaluation", id),
            async e => EvaluationView.Of(e.Evaluation, e.Stored.Sheet, await YearEndEvaluations.Missing(session, rulebooks, e.Evaluation, e.Stored.Sheet)),
            e => Document(e.Evaluation, e.Stored, rulebooks));

    /// <summary>The evaluation and the sheet it points at, or null for an unknown id.</summary>
    private static async Task<(YearEndEvaluation Evaluation, StoredSheet Stored)?> Load(IQuerySession session, Guid id) =>
        await session.LoadAsync<YearEndEvaluation>(id) is { } evaluation ? (evaluation, (await session.LoadAsync<StoredSheet>(evaluation.SheetId))!) : null;

    private static SheetDocument Document(YearEndEvaluation e, StoredSheet stored, RulebookCatalog rulebooks)
    {
        var status = e.Status switch
        {
            ApprovalStatus.Approved => $"经{e.ApprovedBy}于{ChineseDates.Of(OfficeCalendar.DateOf(e.ApprovedAt!.Value))}批准",
            ApprovalStatus.Submitted => "初步意见（已报送，待领导审批），不得公开",
            ApprovalStatus.Returned => "初步意见（领导退回修改），不得公开",
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
