namespace Hotline.Ledger.Web.Pages.Inspect;

/// <summary>
/// The inspector's evidence trail: every entry, mark and appeal step, filtered by unit, person, clause and
/// dates, each row opening its entry, its case and its appeal. The API records the read; the page shows
/// the reader's own latest reads as the read audit holds them, which only auditors and inspectors may see.
/// </summary>
public sealed class IndexModel(LedgerApi api) : LedgerPage(api)
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? PersonId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Clause { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public List<JsonElement> Rows { get; } = [];
    public Dictionary<Guid, JsonElement> Units { get; } = [];
    public List<JsonElement> People { get; } = [];
    public List<JsonElement> Reads { get; } = [];
    public Clauses Clauses { get; private set; } = new([]);
    /// <summary>The appeal filed against each entry of the page, by entry id.</summary>
    public Dictionary<string, string> AppealOfEntry { get; } = [];
    public string? Next { get; private set; }
    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        // The read audit is the inspector's and the auditor's: a caller the API refuses it has no business on this screen.
        var reads = await Api.Get("/api/audit/reads?" + Query(("reader", UserName), ("limit", 8)));
        if (!reads.Ok) return Refused(reads);

        var units = await Api.Get("/api/units");
        if (!units.Ok) return Refused(units);
        foreach (var u in units.Json.Items()) if (u.Id() is { } id) Units[id] = u;
        Clauses = await Clauses.InForce(Api, Today);
        if (UnitId is { } unit)
        {
            var people = await Api.Get("/api/people?" + Query(("unitId", unit)));
            if (people.Ok) People.AddRange(people.Json.Items());
        }

        Searched = UnitId is not null || PersonId is not null || !string.IsNullOrWhiteSpace(Clause) || !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To);
        if (Searched)
        {
            var trail = await Api.Get($"/api/evidence?{Filters}&{Query(("limit", PageSize), ("after", After))}");
            if (!trail.Ok) return Refused(trail);
            Rows.AddRange(trail.Json.Items());
            Next = trail.Json.Str("next");
            foreach (var row in Rows.Where(r => r.Str("what") == "appeal" && r.Str("entryId") is not null))
                AppealOfEntry[row.Str("entryId")!] = row.Str("appealId") ?? row.Str("id")!;
            await AppealsOfEntries();
        }

        // Read again, so that the list shows this very search among the recorded reads.
        var after = await Api.Get("/api/audit/reads?" + Query(("reader", UserName), ("limit", 8)));
        Reads.AddRange((after.Ok ? after : reads).Json.Items());
        return Page();
    }

    /// <summary>Appeals against the page's entries that were filed outside its filters (another date range, say).</summary>
    private async Task AppealsOfEntries()
    {
        var entries = Rows.Where(r => r.Str("what") == "entry" && !AppealOfEntry.ContainsKey(r.Str("id")!)).ToList();
        if (entries.Count == 0) return;
        foreach (var unit in entries.Select(e => e.Str("unitId")).Distinct())
        {
            var appeals = await Api.Get("/api/appeals?" + Query(("unitId", unit)));
            if (!appeals.Ok) continue;
            foreach (var a in appeals.Json.Items())
                if (a.Str("entryId") is { } entry && a.Str("id") is { } id) AppealOfEntry.TryAdd(entry, id);
        }
    }

    public string Filters => Query(("unitId", UnitId), ("personId", PersonId), ("clause", Clause), ("from", From), ("to", To));

    public string UnitName(string? id) => Guid.TryParse(id, out var g) && Units.TryGetValue(g, out var u) ? u.Str("name") ?? "" : "";
}
