using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotline.Ledger.Benchmarks.Measures;

/// <summary>
/// The draft the what-if figure replays the city under: the built-in measures with B2.1 doubled, D1's range
/// narrowed, U4.1's completion target lowered and D3.3 dropped, so that entries, ranges, computed criteria
/// and a dropped clause are all priced again.
/// </summary>
public static class WhatIfProbe
{
    public static async Task<Guid> Draft(HttpClient http)
    {
        var book = JsonNode.Parse(RulebookLoader.Write(RulebookLoader.LoadBuiltIn().Single(r => r.Id == "xinyang-2019")))!.AsObject();
        book["id"] = "benchmark-draft";
        var clauses = book["clauses"]!.AsArray();
        JsonObject Clause(string code) => clauses.Single(c => (string)c!["code"]! == code)!.AsObject();
        Clause("B2.1")["points"] = 4;
        Clause("D1")["minPoints"] = 6;
        Clause("D1")["maxPoints"] = 8;
        Clause("U4.1")["scoring"]!["parts"]![0]!["function"]!["target"] = 0.90m;
        clauses.Remove(Clause("D3.3"));

        using var reply = await http.PostAsync("/api/rulebooks/drafts", new StringContent(book.ToJsonString(), Encoding.UTF8, "application/json"));
        if (reply.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"the benchmark's draft was refused: {await reply.Content.ReadAsStringAsync()}");
        return (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Each unit's current total in a what-if answer, in the answer's order (the draft's ranks).</summary>
    public static Dictionary<Guid, decimal> CurrentTotals(JsonElement whatIf) =>
        whatIf.GetProperty("units").EnumerateArray()
            .ToDictionary(u => u.GetProperty("unitId").GetGuid(), u => u.GetProperty("current").GetProperty("total").GetDecimal());
}
