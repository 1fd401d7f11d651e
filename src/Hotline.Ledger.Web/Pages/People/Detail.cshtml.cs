namespace Hotline.Ledger.Web.Pages.People;

/// <summary>A person: memberships, scorecard for a year, and the office's transfer to another unit.</summary>
public sealed class DetailModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public Guid? ToUnitId { get; set; }
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string Key { get; set; } = "";
    public JsonElement Person { get; private set; }
    public JsonElement? Score { get; private set; }
    public string? ScoreMessage { get; private set; }
    public Dictionary<Guid, JsonElement> Units { get; } = [];
    public Clauses Clauses { get; private set; } = new([]);
    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public int ShownYear => Year ?? Today.Year;

    public async Task<IActionResult> OnGet(Guid id)
    {
        Key = Guid.NewGuid().ToString("N");
        return await Load(id);
    }

    public async Task<IActionResult> OnPostTransfer(Guid id)
    {
        var reply = await Api.Post($"/api/people/{id}/transfers", new { toUnitId = ToUnitId, effectiveOn = EffectiveOn }, Key);
        if (reply.Ok) return Redirect($"/people/{id}");
        if (reply.Forbidden || reply.NotFound) return Refused(reply);
        foreach (var (field, m) in reply.Errors) Errors[field] = string.Join(" ", m);
        if (Errors.Count == 0) Errors["toUnitId"] = reply.Message;
        Response.StatusCode = (int)reply.Status;
        Key = Guid.NewGuid().ToString("N");
        return await Load(id);
    }

    private async Task<IActionResult> Load(Guid id)
    {
        var person = await Api.Get($"/api/people/{id}");
        if (!person.Ok) return Refused(person);
        Person = person.Json;
        var units = await Api.Get("/api/units");
        if (units.Ok) foreach (var u in units.Json.Items()) if (u.Id() is { } uid) Units[uid] = u;
        var score = await Api.Get($"/api/people/{id}/score?year={ShownYear}");
        if (score.Ok) Score = score.Json;
        else ScoreMessage = score.NotFound ? $"{ShownYear} 年度不是任何单位的成员，不计分。" : score.Message;
        Clauses = await Clauses.InForce(Api, Today);
        return Page();
    }

    public string UnitName(string? id) => Guid.TryParse(id, out var g) && Units.TryGetValue(g, out var u) ? u.Str("name") ?? "" : "（其他单位）";
}
