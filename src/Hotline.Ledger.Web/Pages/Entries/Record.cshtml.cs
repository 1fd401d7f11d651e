namespace Hotline.Ledger.Web.Pages.Entries;

/// <summary>
/// Recording a bonus or deduction. The form carries an idempotency key made when it is drawn, so a
/// double click or a resent form records the entry once; the rules are the API's, and its messages are
/// shown beside the fields they name.
/// </summary>
public sealed class RecordModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty] public string? Clause { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Person { get; set; }
    [BindProperty] public string? OccurredOn { get; set; }
    [BindProperty] public string? Points { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? CaseNumber { get; set; }
    [BindProperty] public List<EvidenceInput> Evidence { get; set; } = [];
    [BindProperty] public string IdempotencyKey { get; set; } = "";

    public Clauses Clauses { get; private set; } = new([]);
    public List<JsonElement> Units { get; } = [];
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? FormError { get; private set; }

    public sealed class EvidenceInput
    {
        public string? Title { get; set; }
        public string? Reference { get; set; }
    }

    public async Task<IActionResult> OnGet(string? unit)
    {
        if (!IsOffice) return Forbid();
        IdempotencyKey = Guid.NewGuid().ToString("N");
        OccurredOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Unit = unit;
        return await Draw();
    }

    public async Task<IActionResult> OnPost()
    {
        if (!IsOffice) return Forbid();
        if (string.IsNullOrWhiteSpace(IdempotencyKey)) IdempotencyKey = Guid.NewGuid().ToString("N");
        var units = await Api.Get("/api/units");
        if (!units.Ok) return Refused(units);
        Units.AddRange(units.Json.Items());

        var unit = FindUnit(Unit);
        if (unit is null) Errors["unitId"] = ["请从列表中选择单位：输入单位名称或代码的一部分。"];
        Guid? personId = null;
        if (unit is { } u && !string.IsNullOrWhiteSpace(Person))
        {
            personId = await FindPerson(u.Id()!.Value, Person);
            if (personId is null) Errors["personId"] = ["请从列表中选择该单位的人员：输入姓名的一部分。"];
        }

        decimal? points = null;
        if (!string.IsNullOrWhiteSpace(Points))
        {
            if (decimal.TryParse(Points, NumberStyles.Number, CultureInfo.InvariantCulture, out var p)) points = Math.Abs(p);
            else Errors["points"] = ["分值须为数字，最多两位小数。"];
        }

        if (Errors.Count > 0) return await Redraw(400);

        var body = new Dictionary<string, object?>
        {
            ["clause"] = Clause?.Trim(),
            ["unitId"] = unit!.Value.Id(),
            ["personId"] = personId,
            ["occurredOn"] = OccurredOn,
            ["points"] = points,
            ["reason"] = Reason ?? "",
            ["caseNumber"] = string.IsNullOrWhiteSpace(CaseNumber) ? null : CaseNumber.Trim(),
            ["evidence"] = Evidence.Where(e => !string.IsNullOrWhiteSpace(e.Title) || !string.IsNullOrWhiteSpace(e.Reference))
                .Select(e => new { title = e.Title?.Trim() ?? "", reference = e.Reference?.Trim() ?? "" }).ToList(),
        };
        var reply = await Api.Post("/api/entries", body, IdempotencyKey);
        if (reply.Ok) return Redirect($"/entries/{reply.Json.Str("id")}?recorded=1");

        if (reply.Forbidden) return Refused(reply);
        foreach (var (field, messages) in reply.Errors) Errors[field] = messages;
        FormError = reply.Status == System.Net.HttpStatusCode.Conflict
            ? "未保存：" + reply.Message
            : Errors.Count == 0 ? "未保存：" + reply.Message : "未保存，请按提示修改后再提交。";
        return await Redraw((int)reply.Status);
    }

    /// <summary>The score effect before saving: the unit's total for the year now, and after this entry.</summary>
    public async Task<IActionResult> OnGetPreview(string? unit, string? clause, string? points, string? occurredOn)
    {
        if (!IsOffice) return Forbid();
        var units = await Api.Get("/api/units");
        Units.AddRange(units.Json.Items());
        if (FindUnit(unit) is not { } u) return Content("<p class=\"hint\">选择单位与条款后，这里显示记录后的得分变化。</p>", "text/html; charset=utf-8");
        var on = DateOnly.TryParse(occurredOn, CultureInfo.InvariantCulture, out var d) ? d : Today;
        Clauses = await Clauses.InForce(Api, on);
        if (Clauses.Find(clause) is not { } c) return Content("<p class=\"hint\">请选择条款。</p>", "text/html; charset=utf-8");

        var magnitude = c.Dec("points") ?? (decimal.TryParse(points, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? Math.Abs(p) : null);
        var score = await Api.Get($"/api/units/{u.Str("id")}/score?year={on.Year}");
        if (!score.Ok) return Content($"<p class=\"error\">{System.Net.WebUtility.HtmlEncode(score.Message)}</p>", "text/html; charset=utf-8");
        var total = score.Json.Dec("total") ?? 0;
        if (magnitude is not { } m)
            return Content($"<p class=\"hint\">{Encode(u.Str("name"))} {on.Year} 年度当前总分 <b>{Show.Plain(total)}</b>；请填写分值（{Clauses.Points(c)}）。</p>", "text/html; charset=utf-8");
        if (c.Dec("minPoints") is { } min && c.Dec("maxPoints") is { } max && (m < min || m > max))
            return Content($"<p class=\"error\">{Encode(c.Str("code"))} 的分值须在 {Show.Plain(min)}–{Show.Plain(max)} 分之间。</p>", "text/html; charset=utf-8");
        var signed = c.Str("kind") == "deduction" ? -m : m;
        return Content(
            $"<p data-test=\"preview\">{Encode(u.Str("name"))} {on.Year} 年度总分：<b>{Show.Plain(total)}</b> → <b class=\"{Show.Tone(signed)}\">{Show.Plain(total + signed)}</b>" +
            $"（<span class=\"{Show.Tone(signed)}\">{Show.Signed(signed)}</span>）</p>", "text/html; charset=utf-8");
    }

    /// <summary>
    /// The form's suggestions: the API's own search (<c>GET /api/people?q=</c>, any case, a page of 20) for what
    /// was typed, within the chosen unit; the people are never loaded whole.
    /// </summary>
    public async Task<IActionResult> OnGetPeople(string? unit, string? q)
    {
        if (!IsOffice) return Forbid();
        var units = await Api.Get("/api/units");
        Units.AddRange(units.Json.Items());
        var people = await Api.Get("/api/people?" + Query(("unitId", FindUnit(unit)?.Str("id")), ("q", q?.Trim()), ("limit", Suggestions)));
        return new JsonResult(people.Ok ? people.Json.Items().Select(PersonLabel).ToList() : []);
    }

    private const int Suggestions = 20;

    private string PersonLabel(JsonElement person)
    {
        var code = Units.FirstOrDefault(u => u.Str("id") == person.Str("unitId")).Str("code");
        return $"{person.Str("name")}（{code}）#{person.Str("id")![^6..]}";
    }

    private JsonElement? FindUnit(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var text = typed.Trim();
        var code = text.Split(' ', 2)[0];
        return Units.FirstOrDefault(u => u.Str("code") == code || u.Str("name") == text || u.Str("id") == text) is { ValueKind: JsonValueKind.Object } hit
            ? hit
            : null;
    }

    /// <summary>The person meant by what was typed or picked ("name（code）#id-tail"), found by the API's search of the unit.</summary>
    private async Task<Guid?> FindPerson(Guid unitId, string typed)
    {
        var text = typed.Trim();
        var name = text.Split('（')[0].Split('#')[0].Trim();
        var reply = await Api.Get("/api/people?" + Query(("unitId", unitId), ("q", name), ("limit", 1000)));
        if (!reply.Ok) return null;
        var people = reply.Json.Items().ToList();
        var hash = text.LastIndexOf('#');
        if (hash >= 0)
        {
            var tail = text[(hash + 1)..];
            var byId = people.Where(p => p.Str("id")!.EndsWith(tail, StringComparison.OrdinalIgnoreCase)).ToList();
            return byId.Count == 1 ? byId[0].Id() : null;
        }

        var byName = people.Where(p => string.Equals(p.Str("name"), name, StringComparison.OrdinalIgnoreCase)).ToList();
        return byName.Count == 1 ? byName[0].Id() : null;
    }

    private async Task<IActionResult> Draw()
    {
        if (Units.Count == 0)
        {
            var units = await Api.Get("/api/units");
            if (!units.Ok) return Refused(units);
            Units.AddRange(units.Json.Items());
        }

        var on = DateOnly.TryParse(OccurredOn, CultureInfo.InvariantCulture, out var d) && d <= Today ? d : Today;
        Clauses = await Clauses.InForce(Api, on);
        while (Evidence.Count < 2) Evidence.Add(new EvidenceInput());
        return Page();
    }

    private async Task<IActionResult> Redraw(int status)
    {
        Response.StatusCode = status;
        return await Draw();
    }

    public string UnitLabel(JsonElement u) => $"{u.Str("code")} {u.Str("name")}";

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    private static string Encode(string? s) => System.Net.WebUtility.HtmlEncode(s ?? "");
}
