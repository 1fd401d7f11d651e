namespace Hotline.Ledger.Web.Pages.Approvals;

/// <summary>
/// One document awaiting (or past) a leader's decision: its frozen sheet as it will print with its digest, what it
/// still lacks, the approve and return forms, and the trail of every step. The API decides who may take which step.
/// </summary>
public sealed class DocumentModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "";
    [BindProperty] public string Key { get; set; } = "";
    [BindProperty] public string? Comments { get; set; }
    [BindProperty] public string? OverrideReason { get; set; }

    public JsonElement Doc { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>Where the document is read, and where its steps are taken.</summary>
    public string? Route(Guid id) => Kind switch
    {
        "evaluations" => $"/api/evaluations/{id}",
        "plans" or "shortlists" => $"/api/commendation-plans/{id}",
        "drafts" => $"/api/rulebooks/drafts/{id}",
        _ => null,
    };

    private string StepRoute(Guid id) => Kind == "shortlists" ? $"/api/commendation-plans/{id}/shortlist" : Route(id)!;

    public string Title => Kind switch
    {
        "evaluations" => $"{Doc.Str("year")}年度年终总评",
        "plans" => $"{Doc.Str("year")}年度表彰方案",
        "shortlists" => $"{Doc.Str("year")}年度表彰初选名单",
        "drafts" => $"考评办法草案：{Doc.Str("title")}",
        _ => "",
    };

    /// <summary>The status of what this page decides: the shortlist's own, for a shortlist.</summary>
    public string Status => Kind == "shortlists" ? Doc.Prop("shortlist")?.Str("status") ?? "" : Doc.Str("status") ?? "";

    /// <summary>The steps of this document's trail (a plan's and its shortlist's are kept together; each page shows its own).</summary>
    public IEnumerable<JsonElement> Steps => Doc.Arr("steps").Where(s =>
        Kind switch
        {
            "shortlists" => (s.Str("step") ?? "").StartsWith("shortlist", StringComparison.Ordinal),
            "plans" => !(s.Str("step") ?? "").StartsWith("shortlist", StringComparison.Ordinal),
            _ => true,
        });

    public async Task<IActionResult> OnGet(Guid id)
    {
        if (Route(id) is not { } route) return NotFound();
        var reply = await Api.Get(route);
        if (!reply.Ok) return Refused(reply);
        Doc = reply.Json;
        Key = Guid.NewGuid().ToString("N");
        return Page();
    }

    public Task<IActionResult> OnPostApprove(Guid id) => Decide(id, "approve",
        Kind == "evaluations" && !string.IsNullOrWhiteSpace(OverrideReason) ? new { @override = new { reason = OverrideReason } } : new { });

    public Task<IActionResult> OnPostReturn(Guid id) => Decide(id, "return", new { comments = Comments ?? "" });

    private async Task<IActionResult> Decide(Guid id, string step, object body)
    {
        if (Route(id) is null) return NotFound();
        var reply = await Api.Post($"{StepRoute(id)}/{step}", body, Key);
        if (reply.Ok) return Redirect($"/approvals/{Kind}/{id}");
        if (reply.Forbidden || reply.NotFound) return Refused(reply);

        // Refused (out of order, incomplete, a comment missing): the page again, with the API's words.
        var current = await Api.Get(Route(id)!);
        if (!current.Ok) return Refused(current);
        Doc = current.Json;
        Error = reply.Message;
        Errors = reply.Errors;
        Key = Guid.NewGuid().ToString("N");
        Response.StatusCode = (int)reply.Status;
        return Page();
    }

    public static string StepName(string? step) => step switch
    {
        "drafted" => "起草",
        "revised" => "修改",
        "recomputed" => "重新计算",
        "submitted" or "shortlistSubmitted" => "报送审批",
        "returned" or "shortlistReturned" => "退回",
        "approved" or "shortlistApproved" => "审定",
        "shortlistDrafted" => "起草初选名单",
        "commended" => "表彰",
        _ => step ?? "",
    };
}
