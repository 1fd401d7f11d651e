using Hotline.Ledger.Web.Pages.Audit;

namespace Hotline.Ledger.Web.Pages.Province;

/// <summary>
/// One city as the province reads it: its units' rates for a year at a date and instant, its issued circulars of
/// the year and its approved year-end results — three reads of the province's routes for that city.
/// </summary>
public sealed class CityModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    [BindProperty(SupportsGet = true)] public string? KnownAt { get; set; }

    public JsonElement Rates { get; private set; }
    public List<JsonElement> Circulars { get; } = [];
    public List<JsonElement> Results { get; } = [];
    public int ShownYear => Year ?? Today.Year;
    public DateOnly ShownAsOf { get; private set; }
    public DateTimeOffset? ShownKnownAt { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        (ShownAsOf, ShownKnownAt) = ShownClocks(ShownYear, AsOf, KnownAt);
        var city = $"/api/province/cities/{Uri.EscapeDataString(Code)}";

        var rates = await Api.Get($"{city}/rates?" + Query(("year", ShownYear), ("asOf", ShownAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("knownAt", ShownKnownAt is { } k ? UnitModel.Iso(k) : null)));
        if (!rates.Ok) return Refused(rates);
        Rates = rates.Json;
        var circulars = await Api.Get($"{city}/circulars?year={ShownYear}");
        if (!circulars.Ok) return Refused(circulars);
        Circulars.AddRange(circulars.Json.Items());
        var results = await Api.Get($"{city}/results");
        if (!results.Ok) return Refused(results);
        Results.AddRange(results.Json.Items());
        return Page();
    }
}
