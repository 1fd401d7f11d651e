using System.Text.Json;
using Hotline.Ledger.Web.Api;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Ledger.Web.Pages.Reports;

/// <summary>Monthly work reports and self-checks of a unit: what is due, what came in, and sending one.</summary>
public sealed class IndexModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string Key { get; set; } = "";
    public List<JsonElement> Units { get; } = [];
    public List<JsonElement> Reports { get; } = [];
    public List<JsonElement> SelfChecks { get; } = [];
    public JsonElement? Unit { get; private set; }
    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? Notice { get; private set; }
    public int ShownYear => Year ?? Today.Year;

    public async Task<IActionResult> OnGet(bool sent = false)
    {
        Key = Guid.NewGuid().ToString("N");
        Notice = sent ? "月度报告已报送。" : null;
        return await Load();
    }

    public async Task<IActionResult> OnPost()
    {
        if (UnitId is null) return await Load();
        var reply = await Api.Post($"/api/units/{UnitId}/monthly-reports", new { month = Month ?? "", summary = Summary ?? "" }, Key);
        if (reply.Ok) return Redirect($"/reports?unitId={UnitId}&year={ShownYear}&sent=true");
        if (reply.Forbidden) return Refused(reply);
        foreach (var (field, m) in reply.Errors) Errors[field] = string.Join(" ", m);
        if (Errors.Count == 0) Errors["month"] = reply.Message;
        Response.StatusCode = (int)reply.Status;
        Key = Guid.NewGuid().ToString("N");
        return await Load();
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
        Month ??= Reports.FirstOrDefault(r => r.Str("status") == "missing").Str("month");
        return Page();
    }
}
