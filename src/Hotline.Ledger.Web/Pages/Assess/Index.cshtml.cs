namespace Hotline.Ledger.Web.Pages.Assess;

/// <summary>Choosing whose marking sheet to open: a unit, or a person found by name.</summary>
public sealed class IndexModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public List<JsonElement> Units { get; } = [];
    public List<JsonElement> People { get; } = [];
    public int ShownYear => Year ?? Today.Year;

    public async Task<IActionResult> OnGet()
    {
        var units = await Api.Get("/api/units");
        if (!units.Ok) return Refused(units);
        Units.AddRange(units.Json.Items().OrderBy(u => u.Str("code")));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var people = await Api.Get("/api/people?" + Query(("q", Q.Trim()), ("limit", 100)));
            if (!people.Ok) return Refused(people);
            People.AddRange(people.Json.Items());
        }

        return Page();
    }

    public string UnitName(string? id) => Units.FirstOrDefault(u => u.Str("id") == id) is { ValueKind: JsonValueKind.Object } u ? u.Str("name") ?? "" : "";
}
