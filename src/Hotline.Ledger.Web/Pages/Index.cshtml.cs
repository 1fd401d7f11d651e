using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Ledger.Web.Pages;

/// <summary>
/// The start page: for the office, what needs doing today; for a liaison, their unit; for everyone
/// else, what their screens will be.
/// </summary>
public sealed class IndexModel(LedgerApi api) : LedgerPage(api)
{
    public List<JsonElement> Warnings { get; } = [];
    public List<JsonElement> Appeals { get; } = [];
    public List<JsonElement>? Automatic { get; private set; }
    public Dictionary<Guid, JsonElement> Units { get; } = [];
    public JsonElement? Unit { get; private set; }
    public JsonElement? Score { get; private set; }
    public List<JsonElement> Entries { get; } = [];
    public Clauses Clauses { get; private set; } = new([]);

    public async Task<IActionResult> OnGet()
    {
        if (!IsOffice && !IsLiaisonOnly)
        {
            // Readers replay any unit: the auditor's way in.
            if (SeesEveryUnit && await Api.Get("/api/units") is { Ok: true } all)
                foreach (var u in all.Json.Items()) if (u.Id() is { } uid) Units[uid] = u;
            return Page();
        }

        // The page's reads are independent: asked at once, the page waits for the slowest (the warnings) rather than for
        // the sum of them all (ADR 0208).
        var unitsRead = Api.Get("/api/units");
        var clausesRead = Clauses.InForce(Api, Today);
        var warningsRead = Api.Get("/api/warnings");
        var appealsRead = Api.Get("/api/appeals?status=pending");
        // The entries the ledger recorded by itself, newest first (the entries search, where served).
        // The search lists oldest first: the last three days' (a page of them), newest first.
        var automaticRead = IsOffice ? Api.Get("/api/entries?automatic=true&limit=200&recordedFrom=" + Uri.EscapeDataString(AutomaticSince)) : null;
        await Task.WhenAll(new Task[] { unitsRead, clausesRead, warningsRead, appealsRead, automaticRead ?? Task.CompletedTask });

        var units = await unitsRead;
        if (!units.Ok) return Refused(units);
        foreach (var u in units.Json.Items()) if (u.Id() is { } id) Units[id] = u;
        Clauses = await clausesRead;

        var warnings = await warningsRead;
        if (warnings.Ok) Warnings.AddRange(warnings.Json.Arr("warnings"));
        var appeals = await appealsRead;
        if (appeals.Ok) Appeals.AddRange(appeals.Json.Items());

        if (automaticRead is not null)
        {
            var automatic = await automaticRead;
            if (automatic.Ok) Automatic = automatic.Json.Items().Reverse().Take(10).ToList();
            return Page();
        }

        Unit = Units.Values.FirstOrDefault(u => u.Str("code") == UnitCode);
        if (Unit is not { } unit) return Page();
        var score = await Api.Get($"/api/units/{unit.Str("id")}/score?year={Today.Year}");
        if (!score.Ok) return Refused(score);
        Score = score.Json;
        var evidence = await Api.Get($"/api/evidence?unitId={unit.Str("id")}");
        if (evidence.Ok) Entries.AddRange(evidence.Json.Items().Where(e => e.Str("what") == "entry").Reverse());
        return Page();
    }

    /// <summary>Three days back from now: what "recent" means for the automatic deductions.</summary>
    public string AutomaticSince => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-3)
        .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public string UnitName(string? id) =>
        Guid.TryParse(id, out var g) && Units.TryGetValue(g, out var u) ? u.Str("name") ?? "" : "";
}
