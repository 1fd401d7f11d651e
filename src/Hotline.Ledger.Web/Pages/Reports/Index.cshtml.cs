namespace Hotline.Ledger.Web.Pages.Reports;

/// <summary>
/// Monthly work reports and self-checks (自查) of a unit: what came in, and sending either. A liaison's are
/// their own unit's; whether a user may send for a unit is the API's answer, as for any caller.
/// </summary>
public sealed class IndexModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string Key { get; set; } = "";
    [BindProperty] public string? CheckMonth { get; set; }
    [BindProperty] public string? CheckSummary { get; set; }
    [BindProperty] public List<CheckItem> Items { get; set; } = [];
    [BindProperty] public string CheckKey { get; set; } = "";
    public List<JsonElement> Units { get; } = [];
    public List<JsonElement> Reports { get; } = [];
    public List<JsonElement> SelfChecks { get; } = [];
    public Clauses Clauses { get; private set; } = new([]);
    public JsonElement? Unit { get; private set; }
    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, string> CheckErrors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? Notice { get; private set; }
    public int ShownYear => Year ?? Today.Year;

    /// <summary>One line of a self-check: the unit's own points on a criterion.</summary>
    public sealed class CheckItem
    {
        public string? Clause { get; set; }
        public string? Points { get; set; }
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGet(string? sent = null)
    {
        Key = Guid.NewGuid().ToString("N");
        CheckKey = Guid.NewGuid().ToString("N");
        Notice = sent switch { "report" or "true" => "月度报告已报送。", "check" => "月度自查已报送。", _ => null };
        return await Load();
    }

    public async Task<IActionResult> OnPost()
    {
        if (UnitId is null) return await Load();
        var reply = await Api.Post($"/api/units/{UnitId}/monthly-reports", new { month = Month ?? "", summary = Summary ?? "" }, Key);
        if (reply.Ok) return Redirect($"/reports?unitId={UnitId}&year={ShownYear}&sent=report");
        if (reply.Forbidden || reply.NotFound) return Refused(reply);
        foreach (var (field, m) in reply.Errors) Errors[field] = string.Join(" ", m);
        if (Errors.Count == 0) Errors["month"] = reply.Message;
        Response.StatusCode = (int)reply.Status;
        Key = Guid.NewGuid().ToString("N");
        CheckKey = Guid.NewGuid().ToString("N");
        return await Load();
    }

    public async Task<IActionResult> OnPostSelfCheck()
    {
        if (UnitId is null) return await Load();
        var items = new List<object>();
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            if (string.IsNullOrWhiteSpace(item.Points)) continue;
            if (!decimal.TryParse(item.Points, NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
            {
                CheckErrors[$"items[{i}].points"] = "自评分须为数字，最多两位小数。";
                continue;
            }

            items.Add(new { clause = item.Clause ?? "", points, note = string.IsNullOrWhiteSpace(item.Note) ? null : item.Note.Trim() });
        }

        if (CheckErrors.Count == 0)
        {
            var reply = await Api.Post($"/api/units/{UnitId}/self-checks",
                new { month = CheckMonth ?? "", items, summary = string.IsNullOrWhiteSpace(CheckSummary) ? null : CheckSummary.Trim() }, CheckKey);
            if (reply.Ok) return Redirect($"/reports?unitId={UnitId}&year={ShownYear}&sent=check");
            if (reply.Forbidden || reply.NotFound) return Refused(reply);
            // The API names an item by its place among those sent: shown beside that criterion's row.
            var sent = Items.Select((item, i) => (item, i)).Where(x => !string.IsNullOrWhiteSpace(x.item.Points)).Select(x => x.i).ToList();
            foreach (var (field, m) in reply.Errors) CheckErrors[Renumbered(field, sent)] = string.Join(" ", m);
            if (CheckErrors.Count == 0) CheckErrors["month"] = reply.Message;
            Response.StatusCode = (int)reply.Status;
        }
        else
        {
            Response.StatusCode = 400;
        }

        Key = Guid.NewGuid().ToString("N");
        CheckKey = Guid.NewGuid().ToString("N");
        return await Load();
    }

    /// <summary>"items[1].points" of the items sent is the form's row of the second filled-in criterion.</summary>
    private static string Renumbered(string field, IReadOnlyList<int> sent)
    {
        if (!field.StartsWith("items[", StringComparison.OrdinalIgnoreCase)) return field;
        var close = field.IndexOf(']', StringComparison.Ordinal);
        return close > 6 && int.TryParse(field[6..close], NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sent.Count
            ? $"items[{sent[i]}]{field[(close + 1)..]}"
            : field;
    }

    private async Task<IActionResult> Load()
    {
        var units = await Api.Get("/api/units");
        if (!units.Ok) return Refused(units);
        Units.AddRange(units.Json.Items().OrderBy(u => u.Str("code"), StringComparer.Ordinal));
        if (IsLiaisonOnly && UnitId is null) UnitId = Units.FirstOrDefault(u => u.Str("code") == UnitCode).Id();
        if (UnitId is not { } id) return Page();

        var reports = await Api.Get($"/api/units/{id}/monthly-reports?year={ShownYear}");
        if (!reports.Ok) return Refused(reports);
        Reports.AddRange(reports.Json.Items());
        var checks = await Api.Get($"/api/units/{id}/self-checks?year={ShownYear}");
        if (checks.Ok) SelfChecks.AddRange(checks.Json.Items());
        Unit = Units.FirstOrDefault(u => u.Id() == id) is { ValueKind: JsonValueKind.Object } u ? u : null;
        Clauses = await Clauses.InForce(Api, Today);
        var open = SelfChecks.Where(c => c.Str("status") is "missing" or "open").Select(c => c.Str("month")).ToList();
        CheckMonth ??= open.FirstOrDefault() ?? Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var filed = Reports.Select(r => r.Str("month")).ToHashSet();
        Month ??= SelfChecks.Select(c => c.Str("month")).FirstOrDefault(m => m is not null && !filed.Contains(m))
                  ?? Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return Page();
    }

    /// <summary>The criteria a unit scores itself on: the unit criteria of the rulebook in force, parts not headings.</summary>
    public IReadOnlyList<JsonElement> UnitCriteria =>
        Clauses.All.Where(c => c.Str("kind") == "criterion" && c.Str("appliesTo") is "unit" or "both" or null
                               && !Clauses.All.Any(x => x.Str("parent") == c.Str("code"))).ToList();

    public string? CheckErrorFor(int row, string field) => CheckErrors.TryGetValue($"items[{row}].{field}", out var m) ? m : null;
}
