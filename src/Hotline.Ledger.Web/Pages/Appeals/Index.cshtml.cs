namespace Hotline.Ledger.Web.Pages.Appeals;

/// <summary>Appeals: the office decides the pending ones; a liaison follows their unit's.</summary>
public sealed class IndexModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; } = "pending";
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? CorrectedPoints { get; set; }
    [BindProperty] public string Key { get; set; } = "";
    public List<JsonElement> Appeals { get; } = [];
    public Dictionary<Guid, JsonElement> Units { get; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGet()
    {
        Key = Guid.NewGuid().ToString("N");
        return await Load();
    }

    public async Task<IActionResult> OnPostDecide(Guid appealId)
    {
        decimal? corrected = decimal.TryParse(CorrectedPoints, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
        var reply = await Api.Post($"/api/appeals/{appealId}/decision", new { outcome = Outcome ?? "", reason = Reason ?? "", correctedPoints = corrected }, Key);
        if (reply.Ok) return Redirect("/appeals");
        if (reply.Forbidden) return Refused(reply);
        Errors[appealId.ToString()] = string.Join(" ", reply.Errors.Values.SelectMany(m => m).DefaultIfEmpty(reply.Message));
        Response.StatusCode = (int)reply.Status;
        Key = Guid.NewGuid().ToString("N");
        return await Load();
    }

    private async Task<IActionResult> Load()
    {
        var units = await Api.Get("/api/units");
        if (units.Ok) foreach (var u in units.Json.Items()) if (u.Id() is { } id) Units[id] = u;
        var reply = await Api.Get("/api/appeals?" + Query(("status", Status)));
        if (!reply.Ok) return Refused(reply);
        Appeals.AddRange(reply.Json.Items());
        return Page();
    }

    public string UnitName(string? id) => Guid.TryParse(id, out var g) && Units.TryGetValue(g, out var u) ? u.Str("name") ?? "" : "";
}
