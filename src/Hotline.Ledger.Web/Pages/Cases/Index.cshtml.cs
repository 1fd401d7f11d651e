namespace Hotline.Ledger.Web.Pages.Cases;

/// <summary>A case's timeline as the ledger knows it: every row from the platform, its deadlines and charges.</summary>
public sealed class IndexModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    public JsonElement? Case { get; private set; }
    public string? UnitName { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        if (string.IsNullOrWhiteSpace(Number)) return Page();
        var reply = await Api.Get($"/api/cases/{Uri.EscapeDataString(Number.Trim())}");
        if (!reply.Ok) return Refused(reply);
        Case = reply.Json;
        if (reply.Json.Str("unitId") is { } unit && await Api.Get($"/api/units/{unit}") is { Ok: true } u) UnitName = u.Json.Str("name");
        return Page();
    }
}
