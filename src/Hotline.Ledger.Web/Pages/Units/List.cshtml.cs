namespace Hotline.Ledger.Web.Pages.Units;

/// <summary>The member units (a liaison's list holds their own); the office registers new ones.</summary>
public sealed class ListModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string Key { get; set; } = "";
    public List<JsonElement> Units { get; } = [];
    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IActionResult> OnGet()
    {
        Key = Guid.NewGuid().ToString("N");
        return await Load();
    }

    public async Task<IActionResult> OnPost()
    {
        var reply = await Api.Post("/api/units", new { code = Code?.Trim() ?? "", name = Name?.Trim() ?? "" }, Key);
        if (reply.Ok) return Redirect($"/units/{reply.Json.Str("id")}");
        if (reply.Forbidden) return Refused(reply);
        foreach (var (field, m) in reply.Errors) Errors[field] = string.Join(" ", m);
        if (Errors.Count == 0) Errors["code"] = reply.Message;
        Response.StatusCode = (int)reply.Status;
        Key = Guid.NewGuid().ToString("N");
        return await Load();
    }

    private async Task<IActionResult> Load()
    {
        if (IsLiaisonOnly && await OwnUnit() is { } own) return Redirect($"/units/{own.Str("id")}");
        var reply = await Api.Get(string.IsNullOrWhiteSpace(Q) ? "/api/units" : $"/api/units?q={Uri.EscapeDataString(Q)}");
        if (!reply.Ok) return Refused(reply);
        var q = Q?.Trim() ?? "";
        Units.AddRange(reply.Json.Items().Where(u => q.Length == 0 || (u.Str("code") ?? "").Contains(q, StringComparison.OrdinalIgnoreCase)
                                                   || (u.Str("name") ?? "").Contains(q, StringComparison.Ordinal))
            .OrderBy(u => u.Str("code"), StringComparer.Ordinal));
        return Page();
    }
}
