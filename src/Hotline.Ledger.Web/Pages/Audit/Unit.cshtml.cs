using System.Globalization;
using System.Text.Json;
using Hotline.Ledger.Web.Api;
using Microsoft.AspNetCore.Mvc;

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

    public async Task<IActionResult> OnGet(Guid id)
    {
        var unit = await Api.Get($"/api/units/{id}");
        if (!unit.Ok) return Refused(unit);
        Unit = unit.Json;
        ShownAsOf = AsOfOrDefault();
        ShownKnownAt = Instant(KnownAt);
        ShownSince = Instant(Since);

        var score = await Api.Get(ScorePath(id, ShownAsOf, ShownKnownAt));
        if (!score.Ok) return Refused(score);
        Score = score.Json;
        Clauses = await Clauses.InForce(Api, ShownAsOf);

        // Everything ever recorded about the unit, as the ledger stands now: the timeline's stops and the causes of a change.
        var trail = await Api.Get($"/api/evidence?unitId={id}");
        if (!trail.Ok) return Refused(trail);
        var rows = trail.Json.Items().ToList();
        foreach (var row in rows)
        {
            if (Instant(row.Str("recordedAt")) is { } at) Stops.Add(at);
            if (row.Prop("rescission") is { } r && Instant(r.Str("rescindedAt")) is { } gone) Stops.Add(gone);
        }

        Stops.Sort();
        if (ShownSince is { } since)
        {
            var until = ShownKnownAt ?? DateTimeOffset.MaxValue;
            var before = await Api.Get(ScorePath(id, ShownAsOf, since));
            if (before.Ok) Before = before.Json;
            foreach (var row in rows)
            {
                if (Instant(row.Str("recordedAt")) is { } at && at > since && at <= until) Changes.Add(row);
                else if (row.Prop("rescission") is { } r && Instant(r.Str("rescindedAt")) is { } gone && gone > since && gone <= until) Changes.Add(row);
            }
        }

        if (Verify)
        {
            var integrity = await Api.Get("/api/integrity");
            if (integrity.Ok) Integrity = integrity.Json;
            else IntegrityMessage = integrity.Message;
        }

        return Page();
    }

    /// <summary>The unit's total on every day of the year up to asOf, as known at knownAt: one API score per day.</summary>
    public async Task<IActionResult> OnGetSeries(Guid id)
    {
        var asOf = AsOfOrDefault();
        var knownAt = Instant(KnownAt);
        var days = Enumerable.Range(0, asOf.DayNumber - new DateOnly(ShownYear, 1, 1).DayNumber + 1)
            .Select(i => new DateOnly(ShownYear, 1, 1).AddDays(i)).ToList();
        var totals = new decimal?[days.Count];
        using var gate = new SemaphoreSlim(6);
        var refused = false;
        await Task.WhenAll(days.Select(async (day, i) =>
        {
            await gate.WaitAsync();
            try
            {
                var reply = await Api.Get(ScorePath(id, day, knownAt), HttpContext.RequestAborted);
                if (reply.Ok) totals[i] = reply.Json.Dec("total");
                else refused = true;
            }
            finally
            {
                gate.Release();
            }
        }));
        if (refused) return StatusCode(403);
        return new JsonResult(days.Select((d, i) => new object?[] { d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), totals[i] }));
    }

    private DateOnly AsOfOrDefault()
    {
        var end = new DateOnly(ShownYear, 12, 31);
        var fallback = end < Today ? end : Today;
        return DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year == ShownYear ? d : fallback;
    }

    private string ScorePath(Guid id, DateOnly asOf, DateTimeOffset? knownAt) =>
        $"/api/units/{id}/score?" + Query(("year", ShownYear), ("asOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
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
