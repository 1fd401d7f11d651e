namespace Hotline.Ledger.Web.Pages.Audit;

/// <summary>
/// The auditor's replay of a unit: its scorecard for a year as of a date and as known at an instant,
/// both chosen on a timeline; what changed since a second instant, with who and when; its total day by
/// day through the year. Every figure is the API's own answer for those parameters.
/// </summary>
public sealed class UnitModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    [BindProperty(SupportsGet = true)] public string? KnownAt { get; set; }
    [BindProperty(SupportsGet = true)] public string? Since { get; set; }
    [BindProperty(SupportsGet = true)] public bool Verify { get; set; }

    public JsonElement Unit { get; private set; }
    public JsonElement Score { get; private set; }
    public JsonElement? Before { get; private set; }
    public JsonElement? Integrity { get; private set; }
    public string? IntegrityMessage { get; private set; }
    public List<JsonElement> Changes { get; } = [];
    /// <summary>The instants at which the unit's record changed: the stops of the knownAt timeline.</summary>
    public List<DateTimeOffset> Stops { get; } = [];
    public Clauses Clauses { get; private set; } = new([]);
    public int ShownYear => Year ?? Today.Year;
    public DateOnly ShownAsOf { get; private set; }
    public DateTimeOffset? ShownKnownAt { get; private set; }
    public DateTimeOffset? ShownSince { get; private set; }

    /// <summary>"units" or "people": the subject's kind, as the API's routes name it.</summary>
    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "units";
    public bool IsUnit => Kind == "units";
    public JsonElement? Status { get; private set; }

    public async Task<IActionResult> OnGet(Guid id)
    {
        if (Kind is not ("units" or "people")) return NotFound();
        var unit = await Api.Get($"/api/{Kind}/{id}");
        if (!unit.Ok) return Refused(unit);
        Unit = unit.Json;
        ShownAsOf = AsOfOrDefault();
        ShownKnownAt = Instant(KnownAt);
        ShownSince = Instant(Since);

        var score = await Api.Get(ScorePath(id, ShownAsOf, ShownKnownAt));
        if (!score.Ok) return Refused(score);
        Score = score.Json;
        Clauses = await Clauses.InForce(Api, ShownAsOf);

        // Everything ever recorded about the subject, as the ledger stands now: the stops of the knownAt timeline.
        var trail = await Api.Get($"/api/evidence?{(IsUnit ? "unitId" : "personId")}={id}");
        if (!trail.Ok) return Refused(trail);
        foreach (var row in trail.Json.Items())
        {
            if (Instant(row.Str("recordedAt")) is { } at) Stops.Add(at);
            if (row.Prop("rescission") is { } r && Instant(r.Str("rescindedAt")) is { } gone) Stops.Add(gone);
            if (row.Prop("appeal") is { } a && Instant(a.Str("decidedAt")) is { } decided) Stops.Add(decided);
        }

        Stops.Sort();
        if (ShownSince is { } since)
        {
            // What changed, and the totals at both instants: the API's own answer (every entry, rescission, mark, appeal).
            var changes = await Api.Get(ChangesPath(id, since));
            if (changes.Ok)
            {
                ChangeSet = changes.Json;
                Changes.AddRange(changes.Json.Arr("changes"));
            }
        }

        var status = await Api.Get("/api/integrity/status");
        if (status.Ok) Status = status.Json;
        if (Verify)
        {
            var integrity = await Api.Get("/api/integrity");
            if (integrity.Ok) Integrity = integrity.Json;
            else IntegrityMessage = integrity.Message;
        }

        return Page();
    }

    public JsonElement? ChangeSet { get; private set; }

    public string ChangesPath(Guid id, DateTimeOffset since) =>
        $"/api/{Kind}/{id}/changes?" + Query(("year", ShownYear), ("asOf", ShownAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("from", Iso(since)), ("to", ShownKnownAt is { } k ? Iso(k) : null));

    /// <summary>The subject's total on every day of the year up to asOf, as known at knownAt: the API's series, one read.</summary>
    public async Task<IActionResult> OnGetSeries(Guid id)
    {
        if (Kind is not ("units" or "people")) return NotFound();
        var reply = await Api.Get(SeriesPath(id, "score"), HttpContext.RequestAborted);
        if (!reply.Ok) return StatusCode((int)reply.Status);
        return new JsonResult(reply.Json.Arr("days").Select(d => new object?[] { d.Str("date"), d.Dec("total") }));
    }

    /// <summary>The unit's rank among every unit on every day up to asOf, as known at knownAt.</summary>
    public async Task<IActionResult> OnGetRanks(Guid id)
    {
        if (!IsUnit) return NotFound();
        var reply = await Api.Get(SeriesPath(id, "rank"), HttpContext.RequestAborted);
        if (!reply.Ok) return StatusCode((int)reply.Status);
        return new JsonResult(reply.Json.Arr("days").Select(d => new object?[] { d.Str("date"), d.Dec("rank"), d.Dec("of") }));
    }

    public string SeriesPath(Guid id, string what, string? format = null) =>
        $"/api/{Kind}/{id}/{what}/series?" + Query(("year", ShownYear), ("to", AsOfOrDefault().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("knownAt", Instant(KnownAt) is { } k ? Iso(k) : null), ("format", format));

    private DateOnly AsOfOrDefault()
    {
        var end = new DateOnly(ShownYear, 12, 31);
        var fallback = end < Today ? end : Today;
        return DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year == ShownYear ? d : fallback;
    }

    private string ScorePath(Guid id, DateOnly asOf, DateTimeOffset? knownAt) =>
        $"/api/{Kind}/{id}/score?" + Query(("year", ShownYear), ("asOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("knownAt", knownAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)));

    /// <summary>An instant: ISO-8601 with its offset, or a local date-time read in the office's time zone.</summary>
    public static DateTimeOffset? Instant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.EndsWith('Z') || text.Contains('+') || text.LastIndexOf('-') > 9)
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Shanghai.GetUtcOffset(local)).ToUniversalTime()
            : null;
    }

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
