namespace Hotline.Ledger.Web.Pages.Entries;

/// <summary>The entries, with the API's filters; a liaison's list is their unit's (the API confines it).</summary>
public sealed class ListModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Clause { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Automatic { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public List<JsonElement> Rows { get; } = [];
    public Dictionary<Guid, JsonElement> Units { get; } = [];
    public Clauses Clauses { get; private set; } = new([]);
    public string? Next { get; private set; }
    public bool NeedsUnit { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        var units = await Api.Get("/api/units");
        if (!units.Ok) return Refused(units);
        foreach (var u in units.Json.Items()) if (u.Id() is { } id) Units[id] = u;
        if (IsLiaisonOnly && UnitId is null) UnitId = Units.Values.FirstOrDefault(u => u.Str("code") == UnitCode).Id();
        Clauses = await Clauses.InForce(Api, Today);

        var filters = Query(("unitId", UnitId), ("clause", Clause), ("status", Status), ("from", From), ("to", To),
            ("automatic", Automatic?.ToString().ToLowerInvariant()));
        var page = await Api.Get($"/api/entries?{filters}&{Query(("limit", 100), ("after", After))}");
        if (page.Ok && page.Json.ValueKind == JsonValueKind.Object)
        {
            Rows.AddRange(page.Json.Items());
            Next = page.Json.Str("next");
            return Page();
        }

        if (page.Forbidden) return Refused(page);
        // Until the entries search is served: one unit's entries from its evidence trail, filtered here.
        if (UnitId is null)
        {
            NeedsUnit = true;
            return Page();
        }

        var trail = await Api.Get($"/api/evidence?{Query(("unitId", UnitId), ("clause", Clause), ("from", From), ("to", To))}");
        if (!trail.Ok) return Refused(trail);
        Rows.AddRange(trail.Json.Items().Where(e => e.Str("what") == "entry")
            .Where(e => Status is null or "" || e.Str("status") == Status)
            .Where(e => Automatic is null || e.Bool("automatic") == Automatic)
            .Reverse());
        return Page();
    }

    public string ExportQuery => Query(("unitId", UnitId), ("clause", Clause), ("from", From), ("to", To));

    /// <summary>The list's filters as the API's query: its downloads are every entry they find.</summary>
    public string FilterQuery => Query(("unitId", UnitId), ("clause", Clause), ("status", Status), ("from", From), ("to", To),
        ("automatic", Automatic?.ToString().ToLowerInvariant()));
}
