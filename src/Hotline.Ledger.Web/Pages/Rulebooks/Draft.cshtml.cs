using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Hotline.Ledger.Web.Pages.Rulebooks;

/// <summary>
/// One draft rulebook: its clause editor, the what-if of its latest version (the two rankings side by side,
/// movers marked, each move's clauses), and its steps towards adoption. A change in the editor is a new version
/// of the draft (the API's PUT), and the preview is that version's what-if; the draft's stream keeps them all.
/// </summary>
public sealed class DraftModel(LedgerApi api) : LedgerPage(api)
{
    /// <summary>The header the editor's script sends: answer with the preview alone, not the whole page.</summary>
    public const string PreviewHeader = "X-Hotline-Preview";

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? EffectiveFrom { get; set; }
    [BindProperty] public string? Comments { get; set; }
    [BindProperty] public string IdempotencyKey { get; set; } = "";

    public JsonElement Draft { get; private set; }
    public JsonObject Book { get; private set; } = [];
    public DraftPreview Preview { get; private set; } = null!;
    public string? FormError { get; private set; }
    public string? Done { get; private set; }

    public int ShownYear => Year ?? Today.Year;
    public string Status => Draft.Str("status") ?? "";
    public bool Editable => IsOffice && Status is "draft" or "returned";
    public bool IsLeader => User.IsInRole(Hotline.Ledger.Security.Roles.Leader);
    public DateOnly Tomorrow => Today.AddDays(1);

    public async Task<IActionResult> OnGet(Guid id, string? done)
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        Done = done switch { "submitted" => "已报送领导审定。", "approved" => "已审定：修订自施行日期起生效。", "returned" => "已退回办公室修改。", _ => null };
        var draft = await Api.Get($"/api/rulebooks/drafts/{id}");
        if (!draft.Ok) return Refused(draft);
        await Show(draft.Json, []);
        return Page();
    }

    /// <summary>The editor's fields as a new version of the draft, then that version's what-if.</summary>
    public async Task<IActionResult> OnPostChange(Guid id)
    {
        var draft = await Api.Get($"/api/rulebooks/drafts/{id}");
        if (!draft.Ok) return Refused(draft);
        if (!IsOffice) return Forbid();

        var book = JsonNode.Parse(draft.Json.Prop("rulebook")!.Value.GetRawText())!.AsObject();
        var before = book.ToJsonString();
        var faults = ClauseEdit.Apply(book, Request.Form.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value.ToString())));
        var shown = draft.Json;
        if (faults.Count == 0 && book.ToJsonString() != before)
        {
            var put = await Api.Put($"/api/rulebooks/drafts/{id}", book, KeyFor(id, draft.Json, book));
            if (put.Ok) shown = put.Json;
            else if (put.Forbidden) return Refused(put);
            else faults.AddRange(put.Errors.Count > 0 ? put.Errors.SelectMany(e => e.Value) : [put.Message]);
        }

        await Show(shown, faults);
        if (Request.Headers.ContainsKey(PreviewHeader)) return Partial("_Preview", Preview);
        if (faults.Count == 0) return Redirect($"/rulebooks/drafts/{id}?year={ShownYear}");
        // Without the script: the page again, the typed values kept beside the faults.
        Book = book;
        Response.StatusCode = 400;
        return Page();
    }

    /// <summary>The office submits the draft for adoption from the effective date it gives here (a date after today).</summary>
    public async Task<IActionResult> OnPostSubmit(Guid id)
    {
        var draft = await Api.Get($"/api/rulebooks/drafts/{id}");
        if (!draft.Ok) return Refused(draft);
        if (!IsOffice) return Forbid();

        var current = draft.Json;
        if (!DateOnly.TryParseExact(EffectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            return await Again(id, current, "请填写施行日期（须晚于今天）。");
        var book = JsonNode.Parse(current.Prop("rulebook")!.Value.GetRawText())!.AsObject();
        var date = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if ((string?)book["effectiveFrom"] != date)
        {
            book["effectiveFrom"] = date;
            var put = await Api.Put($"/api/rulebooks/drafts/{id}", book, KeyFor(id, current, book));
            if (!put.Ok) return put.Forbidden ? Refused(put) : await Again(id, current, "未报送：" + put.Message);
            current = put.Json;
        }

        var submit = await Api.Post($"/api/rulebooks/drafts/{id}/submit", new { }, $"{IdempotencyKey}:{current.Str("version")}");
        if (!submit.Ok) return submit.Forbidden ? Refused(submit) : await Again(id, current, "未报送：" + submit.Message);
        return Redirect($"/rulebooks/drafts/{id}?done=submitted");
    }

    public async Task<IActionResult> OnPostApprove(Guid id)
    {
        var reply = await Api.Post($"/api/rulebooks/drafts/{id}/approve", new { }, NullIfBlank(IdempotencyKey));
        return reply.Ok ? Redirect($"/rulebooks/drafts/{id}?done=approved") : await Unanswered(id, reply, "未审定：");
    }

    public async Task<IActionResult> OnPostReturn(Guid id)
    {
        var reply = await Api.Post($"/api/rulebooks/drafts/{id}/return", new { comments = Comments ?? "" }, NullIfBlank(IdempotencyKey));
        return reply.Ok ? Redirect($"/rulebooks/drafts/{id}?done=returned") : await Unanswered(id, reply, "未退回：");
    }

    public async Task<IActionResult> OnPostDelete(Guid id)
    {
        var reply = await Api.Delete($"/api/rulebooks/drafts/{id}", NullIfBlank(IdempotencyKey));
        return reply.Ok ? Redirect("/rulebooks") : await Unanswered(id, reply, "未删除：");
    }

    private async Task<IActionResult> Unanswered(Guid id, ApiReply reply, string lead)
    {
        if (reply.Forbidden || reply.NotFound) return Refused(reply);
        var draft = await Api.Get($"/api/rulebooks/drafts/{id}");
        if (!draft.Ok) return Refused(draft);
        return await Again(id, draft.Json, lead + reply.Message, (int)reply.Status);
    }

    private async Task<IActionResult> Again(Guid id, JsonElement draft, string error, int status = 400)
    {
        _ = id;
        FormError = error;
        IdempotencyKey = Guid.NewGuid().ToString("N");
        await Show(draft, []);
        Response.StatusCode = status;
        return Page();
    }

    private async Task Show(JsonElement draft, IReadOnlyList<string> faults)
    {
        Draft = draft;
        Book = JsonNode.Parse(draft.Prop("rulebook")!.Value.GetRawText())!.AsObject();
        EffectiveFrom ??= draft.Str("effectiveFrom");
        var whatIf = await Api.Get($"/api/what-if?draft={draft.Str("id")}&year={ShownYear}");
        Preview = new DraftPreview(draft, ShownYear, whatIf.Ok ? whatIf.Json : null, whatIf.Ok ? null : whatIf.Message, faults);
    }

    /// <summary>
    /// The same change to the same version is the same request: a resent form or a double change event
    /// makes one version, while the next change (on the next version) is a request of its own.
    /// </summary>
    private static string KeyFor(Guid id, JsonElement draft, JsonObject book)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{id}:{draft.Str("version")}:{book.ToJsonString()}"));
        return "rulebook-edit-" + Convert.ToHexString(hash)[..32];
    }

    private static string? NullIfBlank(string key) => string.IsNullOrWhiteSpace(key) ? null : key;
}
