namespace Hotline.Ledger.Web.Pages.Rulebooks;

/// <summary>
/// The measures and their revisions: every draft and how far it got, and every rulebook in the order it took
/// effect with who approved it and when. The office starts a draft here as a copy of the rulebook in force.
/// </summary>
public sealed class IndexModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty] public string IdempotencyKey { get; set; } = "";

    public List<JsonElement> Drafts { get; private set; } = [];
    public List<JsonElement> Revisions { get; private set; } = [];
    public string? FormError { get; private set; }

    public string? InForce => Revisions.FirstOrDefault(r => r.Bool("inForce")) is { ValueKind: JsonValueKind.Object } r ? r.Str("rulebookId") : null;

    public async Task<IActionResult> OnGet()
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        return await Draw();
    }

    /// <summary>A new draft: a copy of the rulebook in force today, to be edited clause by clause.</summary>
    public async Task<IActionResult> OnPostCopy()
    {
        if (!IsOffice) return Forbid();
        var revisions = await Api.Get("/api/rulebooks/revisions");
        if (!revisions.Ok) return Refused(revisions);
        var source = revisions.Json.Items().FirstOrDefault(r => r.Bool("inForce")).Str("rulebookId")
                     ?? revisions.Json.Items().Select(r => r.Str("rulebookId")).LastOrDefault();
        var reply = await Api.Post("/api/rulebooks/drafts", new { copyOf = source }, string.IsNullOrWhiteSpace(IdempotencyKey) ? null : IdempotencyKey);
        if (reply.Ok) return Redirect($"/rulebooks/drafts/{reply.Json.Str("id")}");
        if (reply.Forbidden) return Refused(reply);
        FormError = "未能起草：" + reply.Message;
        Response.StatusCode = (int)reply.Status;
        return await Draw();
    }

    private async Task<IActionResult> Draw()
    {
        var drafts = await Api.Get("/api/rulebooks/drafts");
        if (!drafts.Ok) return Refused(drafts);
        var revisions = await Api.Get("/api/rulebooks/revisions");
        if (!revisions.Ok) return Refused(revisions);
        Drafts = drafts.Json.Items().Reverse().ToList();
        Revisions = revisions.Json.Items().ToList();
        return Page();
    }
}
