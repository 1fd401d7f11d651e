namespace Hotline.Ledger.Web.Pages.Entries;

/// <summary>One entry: the office rescinds it with a reason; the unit's liaison appeals it within the window.</summary>
public sealed class DetailModel(LedgerApi api) : LedgerPage(api)
{
    public JsonElement Entry { get; private set; }
    public JsonElement? Appeal { get; private set; }
    public JsonElement? Unit { get; private set; }
    public string? PersonName { get; private set; }
    public Clauses Clauses { get; private set; } = new([]);
    public string? Notice { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string Key { get; set; } = "";

    public async Task<IActionResult> OnGet(Guid id, bool recorded = false, bool rescinded = false, bool appealed = false)
    {
        Key = Guid.NewGuid().ToString("N");
        Notice = recorded ? "已保存。" : rescinded ? "已撤销。" : appealed ? "申诉已提交，等待热线办处理。" : null;
        return await Load(id);
    }

    public async Task<IActionResult> OnPostRescind(Guid id)
    {
        var reply = await Api.Post($"/api/entries/{id}/rescind", new { reason = Reason ?? "" }, Key);
        if (reply.Ok) return Redirect($"/entries/{id}?rescinded=1");
        return await Failed(id, reply, "rescind");
    }

    public async Task<IActionResult> OnPostAppeal(Guid id)
    {
        var reply = await Api.Post("/api/appeals", new { entryId = id, reason = Reason ?? "" }, Key);
        if (reply.Ok) return Redirect($"/entries/{id}?appealed=1");
        return await Failed(id, reply, "appeal");
    }

    private async Task<IActionResult> Failed(Guid id, ApiReply reply, string form)
    {
        if (reply.Forbidden || reply.NotFound) return Refused(reply);
        Errors[form] = reply.Errors.TryGetValue("reason", out var m) ? string.Join(" ", m) : reply.Message;
        Response.StatusCode = (int)reply.Status;
        Key = Guid.NewGuid().ToString("N");
        return await Load(id, keepStatus: true);
    }

    private async Task<IActionResult> Load(Guid id, bool keepStatus = false)
    {
        var entry = await Api.Get($"/api/entries/{id}");
        if (!entry.Ok) return Refused(entry);
        Entry = entry.Json;
        var unit = await Api.Get($"/api/units/{Entry.Str("unitId")}");
        if (unit.Ok) Unit = unit.Json;
        if (Entry.Str("personId") is { } person && await Api.Get($"/api/people/{person}") is { Ok: true } p) PersonName = p.Json.Str("name");
        var appeals = await Api.Get($"/api/appeals?unitId={Entry.Str("unitId")}");
        if (appeals.Ok) Appeal = appeals.Json.Items().FirstOrDefault(a => a.Str("entryId") == id.ToString()) is { ValueKind: JsonValueKind.Object } a ? a : null;
        Clauses = await Clauses.InForce(Api, DateOnly.Parse(Entry.Str("occurredOn")!, System.Globalization.CultureInfo.InvariantCulture));
        return Page();
    }
}
