namespace Hotline.Ledger.Web.Pages.Audit;

/// <summary>
/// The ranking of every unit for a year as of a date and as known at an instant, with each unit's move since a
/// second instant: two answers of the API's ranking, side by side.
/// </summary>
public sealed class RankingsModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    [BindProperty(SupportsGet = true)] public string? KnownAt { get; set; }
    [BindProperty(SupportsGet = true)] public string? Since { get; set; }

    public List<JsonElement> Rows { get; } = [];
    /// <summary>Each unit's rank at the second instant, when one was chosen.</summary>
    public Dictionary<string, int> Before { get; } = [];
    public int ShownYear => Year ?? Today.Year;
    public DateOnly ShownAsOf { get; private set; }
    public DateTimeOffset? ShownKnownAt { get; private set; }
    public DateTimeOffset? ShownSince { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        (ShownAsOf, ShownKnownAt) = ShownClocks(ShownYear, AsOf, KnownAt);
        ShownSince = UnitModel.Instant(Since);

        var now = await Api.Get(RankingPath(ShownKnownAt));
        if (!now.Ok) return Refused(now);
        Rows.AddRange(now.Json.Items());
        if (ShownSince is { } since)
        {
            var then = await Api.Get(RankingPath(since));
            if (!then.Ok) return Refused(then);
            foreach (var r in then.Json.Items())
                if (r.Str("unitId") is { } id && r.Dec("rank") is { } rank) Before[id] = (int)rank;
        }

        return Page();
    }

    public string RankingPath(DateTimeOffset? knownAt, string? format = null) =>
        "/api/rankings?" + Query(("year", ShownYear), ("asOf", ShownAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("knownAt", knownAt is { } k ? UnitModel.Iso(k) : null), ("format", format));

    /// <summary>The move since the second instant: up (↑2), down (↓1), level (—), or new (a unit not ranked then).</summary>
    public (string Text, string Tone) Move(JsonElement row)
    {
        if (ShownSince is null) return ("", "");
        if (row.Str("unitId") is not { } id || !Before.TryGetValue(id, out var then)) return ("新", "");
        var moved = then - (int)(row.Dec("rank") ?? 0);
        return moved switch { > 0 => ($"↑{moved}", "pos"), < 0 => ($"↓{-moved}", "neg"), _ => ("—", "zero") };
    }
}
