namespace Hotline.Ledger.Web.Pages.Notices;

/// <summary>The notice inbox: the caller's side (a liaison's unit, or the office), newest first; each read by a click.</summary>
public sealed class IndexModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public bool Unread { get; set; }
    public List<JsonElement> Notices { get; private set; } = [];

    public async Task<IActionResult> OnGet()
    {
        var reply = await Api.Get("/api/notices" + (Unread ? "?unread=true" : ""));
        if (!reply.Ok) return Refused(reply);
        Notices = reply.Json.Items().ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostRead(Guid id)
    {
        var reply = await Api.Post($"/api/notices/{id}/read", new { });
        if (!reply.Ok) return Refused(reply);
        return Redirect("/notices" + (Unread ? "?unread=true" : ""));
    }
}
