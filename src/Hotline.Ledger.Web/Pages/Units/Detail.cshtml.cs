namespace Hotline.Ledger.Web.Pages.Units;

/// <summary>A unit's scorecard for a year, its entries, people and monthly reports.</summary>
public sealed class DetailModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public JsonElement Unit { get; private set; }
    public JsonElement Score { get; private set; }
    public List<JsonElement> Entries { get; } = [];
    public List<JsonElement> People { get; } = [];
    public List<JsonElement> Reports { get; } = [];
    public Clauses Clauses { get; private set; } = new([]);
    public int ShownYear => Year ?? Today.Year;

    public async Task<IActionResult> OnGet(Guid id)
    {
        var unit = await Api.Get($"/api/units/{id}");
        if (!unit.Ok) return Refused(unit);
        Unit = unit.Json;
        var score = await Api.Get($"/api/units/{id}/score?year={ShownYear}");
        if (!score.Ok) return Refused(score);
        Score = score.Json;
        Clauses = await Clauses.InForce(Api, new DateOnly(ShownYear, 12, 31) > Today ? Today : new DateOnly(ShownYear, 12, 31));
        var trail = await Api.Get($"/api/evidence?unitId={id}&from={ShownYear}-01-01&to={ShownYear}-12-31");
        if (trail.Ok) Entries.AddRange(trail.Json.Items().Where(e => e.Str("what") == "entry").Reverse());
        var people = await Api.Get($"/api/people?unitId={id}");
        if (people.Ok) People.AddRange(people.Json.Items());
        var reports = await Api.Get($"/api/units/{id}/monthly-reports?year={ShownYear}");
        if (reports.Ok) Reports.AddRange(reports.Json.Items());
        return Page();
    }

    public Dictionary<Guid, JsonElement> UnitMap => Unit.Id() is { } id ? new() { [id] = Unit } : [];
}
