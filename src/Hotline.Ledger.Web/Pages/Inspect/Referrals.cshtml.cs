namespace Hotline.Ledger.Web.Pages.Inspect;

/// <summary>The referrals to the supervisory organ, each with its grounds and its evidence bundle to download.</summary>
public sealed class ReferralsModel(LedgerApi api) : LedgerPage(api)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public List<JsonElement> Referrals { get; } = [];
    public Clauses Clauses { get; private set; } = new([]);

    public async Task<IActionResult> OnGet()
    {
        var reply = await Api.Get("/api/referrals?" + Query(("year", Year)));
        if (!reply.Ok) return Refused(reply);
        Referrals.AddRange(reply.Json.Items().OrderByDescending(r => r.Dec("year")).ThenBy(r => r.Str("kind") == "unit" ? 0 : 1).ThenBy(r => r.Dec("rank")));
        Clauses = await Clauses.InForce(Api, Today);
        return Page();
    }

    public static string Ground(JsonElement ground) => ground.Str("kind") == "threshold"
        ? $"全年扣分累计 {Show.Plain(ground.Dec("points"))} 分，达到问责线"
        : $"有 {ground.Str("clause")} 扣分（合计 {Show.Plain(ground.Dec("points"))} 分）";
}
