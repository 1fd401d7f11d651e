namespace Hotline.Ledger.Web.Pages.People;

/// <summary>The people of the units (a liaison's, of their own); the office registers new ones.</summary>
public sealed class ListModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public Guid? NewUnitId { get; set; }
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string Key { get; set; } = "";
    public List<JsonElement> People { get; } = [];
    public Dictionary<Guid, JsonElement> Units { get; } = [];
    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IActionResult> OnGet()
    {
        Key = Guid.NewGuid().ToString("N");
        return await Load();
    }

    public async Task<IActionResult> OnPost()
    {
        var reply = await Api.Post("/api/people", new { name = Name?.Trim() ?? "", unitId = NewUnitId, effectiveOn = string.IsNullOrWhiteSpace(EffectiveOn) ? null : EffectiveOn }, Key);
        if (reply.Ok) return Redirect($"/people/{reply.Json.Str("id")}");
        if (reply.Forbidden) return Refused(reply);
        foreach (var (field, m) in reply.Errors) Errors[field] = string.Join(" ", m);
        if (Errors.Count == 0) Errors["name"] = reply.Message;
        Response.StatusCode = (int)reply.Status;
        Key = Guid.NewGuid().ToString("N");
        return await Load();
    }

    private async Task<IActionResult> Load()
    {
        var units = await Api.Get("/api/units");
        if (!units.Ok) return Refused(units);
        foreach (var u in units.Json.Items()) if (u.Id() is { } id) Units[id] = u;
        if (IsLiaisonOnly && UnitId is null) UnitId = Units.Values.FirstOrDefault(u => u.Str("code") == UnitCode).Id();
        var people = await Api.Get("/api/people?" + Query(("unitId", UnitId), ("q", Q)));
        if (!people.Ok) return Refused(people);
        var q = Q?.Trim() ?? "";
        People.AddRange(people.Json.Items().Where(p => q.Length == 0 || (p.Str("name") ?? "").Contains(q, StringComparison.Ordinal)).Take(500));
        return Page();
    }

    public string FilterQuery => Query(("unitId", UnitId), ("q", Q));

    public string UnitName(string? id) => Guid.TryParse(id, out var g) && Units.TryGetValue(g, out var u) ? u.Str("name") ?? "" : "";
}
