using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.WhatIf;

/// <summary>Draft rulebooks for the tests: the built-in one as the loader writes it, changed clause by clause.</summary>
public static class Drafting
{
    public static JsonObject BuiltIn() =>
        JsonNode.Parse(RulebookLoader.Write(RulebookLoader.LoadBuiltIn().Single(r => r.Id == "xinyang-2019")))!.AsObject();

    public static JsonObject Clause(JsonObject book, string code) =>
        book["clauses"]!.AsArray().Single(c => (string)c!["code"]! == code)!.AsObject();

    public static JsonObject Drop(JsonObject book, string code)
    {
        var clauses = book["clauses"]!.AsArray();
        clauses.Remove(clauses.Single(c => (string)c!["code"]! == code));
        return book;
    }

    public static JsonObject Named(JsonObject book, string id, string effectiveFrom)
    {
        book["id"] = id;
        book["effectiveFrom"] = effectiveFrom;
        return book;
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>Drafts <paramref name="book"/> and answers its id.</summary>
    public static async Task<Guid> Draft(LedgerApp app, JsonObject book)
    {
        var reply = await app.Send(HttpMethod.Post, "/api/rulebooks/drafts", Json(book), null);
        Assert.True(reply.Status == HttpStatusCode.Created, reply.Text);
        return reply.Json.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> Draft(LedgerApp app, Func<JsonObject, JsonObject> change) => await Draft(app, change(Named(BuiltIn(), "xinyang-draft", "2031-01-01")));

    public static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("O"));

    public static JsonElement Unit(JsonElement whatIf, Guid unit) =>
        whatIf.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetGuid() == unit);

    public static JsonElement Person(JsonElement whatIf, Guid person) =>
        whatIf.GetProperty("people").EnumerateArray().Single(u => u.GetProperty("personId").GetGuid() == person);

    public static decimal Delta(JsonElement row) => row.GetProperty("delta").GetDecimal();

    public static (string Clause, decimal? Current, decimal? Draft, string Change)[] Causes(JsonElement row) =>
        row.GetProperty("causes").EnumerateArray().Select(c => (
            c.GetProperty("clause").GetString()!,
            c.GetProperty("current").ValueKind == JsonValueKind.Null ? (decimal?)null : c.GetProperty("current").GetDecimal(),
            c.GetProperty("draft").ValueKind == JsonValueKind.Null ? (decimal?)null : c.GetProperty("draft").GetDecimal(),
            c.GetProperty("change").GetString()!)).ToArray();

    public static JsonContent Body(object body) => JsonContent.Create(body);
}
