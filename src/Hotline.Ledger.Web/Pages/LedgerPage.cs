using Hotline.Ledger.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Ledger.Web.Pages;

/// <summary>
/// What every screen shares: the API as the signed-in user, who that user is, and how a refusal of the
/// API is shown (its status kept, its reason in words).
/// </summary>
public abstract class LedgerPage(LedgerApi api) : PageModel
{
    protected LedgerApi Api { get; } = api;

    public string UserName => User.FindFirst(HotlineClaims.Name)?.Value ?? "";
    public string? UnitCode => User.FindFirst(HotlineClaims.Unit)?.Value;
    public bool IsOffice => User.IsInRole(Roles.Office);
    public bool SeesEveryUnit => Roles.SeeEveryUnit.Any(User.IsInRole);
    public bool IsLiaisonOnly => User.IsInRole(Roles.Liaison) && !SeesEveryUnit;

    /// <summary>The refusal shown instead of the page's content, when the API said no.</summary>
    public ApiReply? Refusal { get; protected set; }

    protected static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(HttpContext.RequestServices
        .GetRequiredService<TimeProvider>().GetUtcNow(), Shanghai).DateTime);

    /// <summary>
    /// A year's two clocks as a screen shows them: the date asked for when it lies in the year, else the year's end
    /// (or today, while the year runs); the instant asked for, or null for now.
    /// </summary>
    protected (DateOnly AsOf, DateTimeOffset? KnownAt) ShownClocks(int year, string? asOf, string? knownAt)
    {
        var end = new DateOnly(year, 12, 31);
        var date = DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year == year
            ? d : end < Today ? end : Today;
        return (date, Audit.UnitModel.Instant(knownAt));
    }

    /// <summary>Renders the page with the API's refusal and its status (403, 404…).</summary>
    protected IActionResult Refused(ApiReply reply)
    {
        Refusal = reply;
        Response.StatusCode = (int)reply.Status;
        return Page();
    }

    protected static string Query(params (string Name, object? Value)[] parts) =>
        string.Join("&", parts.Where(p => p.Value is not null && p.Value.ToString() != "")
            .Select(p => $"{p.Name}={Uri.EscapeDataString(Convert.ToString(p.Value, CultureInfo.InvariantCulture)!)}"));

    /// <summary>The liaison's own unit (the API lists a liaison theirs only), or null.</summary>
    protected async Task<System.Text.Json.JsonElement?> OwnUnit()
    {
        var reply = await Api.Get("/api/units");
        return reply.Ok ? reply.Json.Items().FirstOrDefault(u => u.Str("code") == UnitCode) is { ValueKind: System.Text.Json.JsonValueKind.Object } u ? u : null : null;
    }
}
