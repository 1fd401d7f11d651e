using Hotline.Ledger.Web.Pages.Audit;

namespace Hotline.Ledger.Web.Pages.Province;

/// <summary>
/// The province's view across its cities: each city's units, cases, completion and reply rates and the grades
/// of its units, for a year as of a business date and as the ledgers stood at an instant (one API read).
/// </summary>
public sealed class IndexModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    [BindProperty(SupportsGet = true)] public string? KnownAt { get; set; }

    public List<JsonElement> Cities { get; } = [];
    /// <summary>The grade bands, in the order the cities' rulebooks list them.</summary>
    public List<string> Bands { get; } = [];
    public int ShownYear => Year ?? Today.Year;
    public DateOnly ShownAsOf { get; private set; }
    public DateTimeOffset? ShownKnownAt { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        (ShownAsOf, ShownKnownAt) = ShownClocks(ShownYear, AsOf, KnownAt);

        var summary = await Api.Get(SummaryPath("/api/province/summary"));
        if (!summary.Ok) return Refused(summary);
        Cities.AddRange(summary.Json.Arr("cities"));
        foreach (var band in Cities.SelectMany(c => c.Arr("grades")).Select(g => g.Str("grade") ?? "").Distinct()) Bands.Add(band);
        return Page();
    }

    public string SummaryPath(string route) =>
        route + "?" + Query(("year", ShownYear), ("asOf", ShownAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("knownAt", ShownKnownAt is { } k ? UnitModel.Iso(k) : null));

    public static int UnitsIn(JsonElement city, string band) =>
        (int)(city.Arr("grades").FirstOrDefault(g => g.Str("grade") == band).Dec("units") ?? 0);

    /// <summary>A rate as the office writes it: a percentage with one decimal, or a dash where nothing was due.</summary>
    public static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
