namespace Hotline.Ledger.Web.Pages.Appeals;

/// <summary>One appeal: what was contested, by whom and why, and how the office decided.</summary>
public sealed class DetailModel(LedgerApi api) : LedgerPage(api)
{
    public JsonElement Appeal { get; private set; }
    public string? UnitName { get; private set; }
    public Clauses Clauses { get; private set; } = new([]);

    public async Task<IActionResult> OnGet(Guid id)
    {
        var reply = await Api.Get($"/api/appeals/{id}");
        if (!reply.Ok) return Refused(reply);
        Appeal = reply.Json;
        if (await Api.Get($"/api/units/{Appeal.Str("unitId")}") is { Ok: true } unit) UnitName = unit.Json.Str("name");
        Clauses = await Clauses.InForce(Api, Today);
        return Page();
    }
}
