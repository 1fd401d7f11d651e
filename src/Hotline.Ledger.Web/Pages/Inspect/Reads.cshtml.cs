namespace Hotline.Ledger.Web.Pages.Inspect;

/// <summary>The read audit as the API holds it: by default the signed-in reader's own reads, newest first.</summary>
public sealed class ReadsModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public string? Reader { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }

    public List<JsonElement> Reads { get; } = [];
    public string ShownReader => string.IsNullOrWhiteSpace(Reader) ? UserName : Reader.Trim();

    public async Task<IActionResult> OnGet()
    {
        var reply = await Api.Get("/api/audit/reads?" + Query(("reader", ShownReader), ("unitId", UnitId), ("limit", 200)));
        if (!reply.Ok) return Refused(reply);
        Reads.AddRange(reply.Json.Items());
        return Page();
    }
}
