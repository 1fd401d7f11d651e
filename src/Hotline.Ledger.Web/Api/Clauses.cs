namespace Hotline.Ledger.Web.Api;

/// <summary>The clauses of the rulebook in force, by code, as the API gives them.</summary>
public sealed class Clauses(IReadOnlyList<JsonElement> all)
{
    public IReadOnlyList<JsonElement> All { get; } = all;

    public static async Task<Clauses> InForce(LedgerApi api, DateOnly on)
    {
        var reply = await api.Get($"/api/rulebooks/in-force?on={on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        return new Clauses(reply.Ok ? reply.Json.Arr("clauses").ToList() : []);
    }

    public JsonElement? Find(string? code) => All.FirstOrDefault(c => c.Str("code") == code) is { ValueKind: JsonValueKind.Object } c ? c : null;

    /// <summary>The clause's title in the measures' wording (the Chinese one where the rulebook has both).</summary>
    public string Title(string? code) => Find(code) is { } c ? TitleOf(c) : code ?? "";

    public static string TitleOf(JsonElement clause) => clause.Str("titleZh") ?? clause.Str("title") ?? clause.Str("code") ?? "";

    /// <summary>"扣 5–10 分", "加 2 分": what a clause gives.</summary>
    public static string Points(JsonElement clause)
    {
        var verb = clause.Str("kind") == "deduction" ? "扣" : "加";
        return clause.Dec("points") is { } p
            ? $"{verb} {Show.Plain(p)} 分"
            : $"{verb} {Show.Plain(clause.Dec("minPoints"))}–{Show.Plain(clause.Dec("maxPoints"))} 分";
    }

    public static string Frequency(JsonElement clause) => clause.Str("frequency") == "oncePerYear" ? "每年限一次" : "每次";

    public static string AppliesTo(JsonElement clause) => clause.Str("appliesTo") switch
    {
        "unit" => "单位",
        "person" => "个人",
        _ => "单位及个人",
    };

    public IEnumerable<JsonElement> Bonuses => All.Where(c => c.Str("kind") == "bonus");
    public IEnumerable<JsonElement> Deductions => All.Where(c => c.Str("kind") == "deduction");
}
