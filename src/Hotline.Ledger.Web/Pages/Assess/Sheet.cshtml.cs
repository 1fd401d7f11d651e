namespace Hotline.Ledger.Web.Pages.Assess;

/// <summary>
/// The assessor's marking sheet of a unit or a person for a year: every criterion with the API's points,
/// the latest mark (who, when, why), each scorer's latest mark on a collective criterion (I8), and the
/// inputs of the computed ones beside the rates they come from. Marking a criterion is the API's mark
/// route; the sheet then shows the API's new total. Nothing here computes a score.
/// </summary>
public sealed class SheetModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? Clause { get; set; }
    [BindProperty] public string? Points { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string Key { get; set; } = "";

    public string Kind { get; private set; } = "units";
    public bool IsUnit => Kind == "units";
    public JsonElement Subject { get; private set; }
    public JsonElement Score { get; private set; }
    public JsonElement? Rates { get; private set; }
    public string? UnitName { get; private set; }
    public List<JsonElement> People { get; } = [];
    public Clauses Clauses { get; private set; } = new([]);
    /// <summary>The marks of the year on this subject, oldest first (the order in which the latest counts).</summary>
    public List<JsonElement> Marks { get; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Marked { get; private set; }
    public int ShownYear => Year ?? Today.Year;
    public bool IsAssessor => User.IsInRole(Hotline.Ledger.Security.Roles.Assessor);

    public async Task<IActionResult> OnGet(string kind, Guid id, string? marked = null)
    {
        Key = Guid.NewGuid().ToString("N");
        Marked = marked;
        return await Load(kind, id);
    }

    public async Task<IActionResult> OnPostMark(string kind, Guid id)
    {
        var points = decimal.TryParse(Points, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : (decimal?)null;
        if (points is null)
        {
            Errors[Clause ?? ""] = "请填写分值（数字）。";
            Response.StatusCode = 400;
            return await Load(kind, id);
        }

        var body = kind == "units"
            ? (object)new { year = ShownYear, clause = Clause ?? "", unitId = id, points, reason = Reason ?? "" }
            : new { year = ShownYear, clause = Clause ?? "", personId = id, points, reason = Reason ?? "" };
        var reply = await Api.Post("/api/marks", body, Key);
        if (reply.Ok) return Redirect($"/assess/{kind}/{id}?year={ShownYear}&marked={Uri.EscapeDataString(Clause ?? "")}#c-{Clause}");
        if (reply.Forbidden) return Refused(reply);
        Errors[Clause ?? ""] = string.Join(" ", reply.Errors.Values.SelectMany(m => m).DefaultIfEmpty(reply.Message));
        Response.StatusCode = (int)reply.Status;
        Key = Guid.NewGuid().ToString("N");
        return await Load(kind, id);
    }

    private async Task<IActionResult> Load(string kind, Guid id)
    {
        Kind = kind;
        var subject = await Api.Get($"/api/{kind}/{id}");
        if (!subject.Ok) return Refused(subject);
        Subject = subject.Json;
        var score = await Api.Get($"/api/{kind}/{id}/score?year={ShownYear}");
        if (!score.Ok) return Refused(score);
        Score = score.Json;
        Clauses = await Clauses.InForce(Api, DateOnly.Parse(Score.Str("asOf")!, CultureInfo.InvariantCulture));

        var rates = await Api.Get($"/api/{kind}/{id}/rates?year={ShownYear}");
        if (rates.Ok) Rates = rates.Json;

        // The marks, with who gave them and when, are rows of the subject's evidence trail.
        var trail = await Api.Get($"/api/evidence?{(IsUnit ? "unitId" : "personId")}={id}");
        if (!trail.Ok) return Refused(trail);
        var asOf = Score.Str("asOf");
        Marks.AddRange(trail.Json.Items().Where(r => r.Str("what") == "mark" && r.Str("year") == ShownYear.ToString(CultureInfo.InvariantCulture)
            && string.CompareOrdinal(r.Str("occurredOn"), asOf) <= 0));

        if (IsUnit)
        {
            var people = await Api.Get($"/api/people?unitId={id}");
            if (people.Ok) People.AddRange(people.Json.Items().OrderBy(x => x.Str("name")));
        }
        else if (await Api.Get($"/api/units/{Subject.Str("unitId")}") is { Ok: true } unit)
        {
            UnitName = unit.Json.Str("name");
        }

        return Page();
    }

    public JsonElement? Latest(string? clause) =>
        Marks.LastOrDefault(m => m.Str("clause") == clause) is { ValueKind: JsonValueKind.Object } m ? m : null;

    /// <summary>Each scorer's latest mark on a collective criterion, by scorer.</summary>
    public IEnumerable<JsonElement> ByScorer(string? clause) =>
        Marks.Where(m => m.Str("clause") == clause).GroupBy(m => m.Str("recordedBy")).Select(g => g.Last()).OrderBy(m => m.Str("recordedBy"));

    public bool Collective(string? clause) => Clauses.Find(clause) is { } c && c.Bool("collective");

    /// <summary>An input's value as read: a rate in per cent, a count of entries as a number.</summary>
    public static string InputValue(JsonElement input)
    {
        if (input.Dec("value") is not { } v) return "无数据";
        return input.Str("input") == "entries"
            ? v.ToString("0", CultureInfo.InvariantCulture) + " 条"
            : (v * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%"
              + (input.Dec("numerator") is { } n && input.Dec("denominator") is { } d
                  ? $"（{n.ToString("0.##", CultureInfo.InvariantCulture)}/{d.ToString("0.##", CultureInfo.InvariantCulture)}）" : "");
    }

    public static string Rate(JsonElement rates, string name) =>
        rates.Dec(name) is { } v ? (v * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Count(JsonElement rates, string name) => rates.Dec(name) is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "—";
}
