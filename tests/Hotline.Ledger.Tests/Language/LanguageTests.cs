using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Language;

/// <summary>
/// The office reads Chinese: problems are worded in Chinese unless the caller asks for English, the clauses carry
/// the measure's own wording, and every refusal has a code that a script can compare without reading text.
/// </summary>
public class LanguageTests(LedgerApp app) : LedgerTest(app)
{
    private async Task<(HttpStatusCode Status, JsonElement Json, string? Language)> Send(HttpMethod method, string url, object? body, string? language)
    {
        using var client = App.DefaultLanguageClient();
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement, response.Content.Headers.ContentLanguage.FirstOrDefault());
    }

    private static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [Fact]
    public async Task A_rule_is_worded_in_Chinese_by_default_and_in_English_on_request_with_the_same_code()
    {
        var unit = await App.NewUnit();
        var body = new { clause = "D1", unitId = unit, occurredOn = "2020-05-10", points = 12, reason = "拖延不办" };

        var chinese = await Send(HttpMethod.Post, "/api/entries", body, null);
        Assert.Equal(HttpStatusCode.BadRequest, chinese.Status);
        Assert.Equal("zh-CN", chinese.Language);
        var message = chinese.Json.GetProperty("errors").GetProperty("points")[0].GetString();
        Assert.Equal("“D1”为 5–10 分,不能是 12 分。", message);
        Assert.Equal("请求无效", chinese.Json.GetProperty("title").GetString());
        Assert.Equal("entry.points.outOfRange", chinese.Json.GetProperty("code").GetString());
        Assert.Equal("entry.points.outOfRange", chinese.Json.GetProperty("errorCodes").GetProperty("points")[0].GetString());

        var zh = await Send(HttpMethod.Post, "/api/entries", body, "zh-CN,zh;q=0.9,en;q=0.8");
        Assert.Equal(message, zh.Json.GetProperty("errors").GetProperty("points")[0].GetString());

        var english = await Send(HttpMethod.Post, "/api/entries", body, "en-US,en;q=0.9");
        Assert.Equal("en", english.Language);
        Assert.Equal("'D1' gives 5–10 points, not 12.", english.Json.GetProperty("errors").GetProperty("points")[0].GetString());
        Assert.Equal("entry.points.outOfRange", english.Json.GetProperty("code").GetString());
        Assert.Equal(0, await App.EventCount() - 1); // only the unit
    }

    [Fact]
    public async Task Validator_rules_carry_a_code_per_field_and_Chinese_messages()
    {
        var unit = await App.NewUnit();
        var reply = await Send(HttpMethod.Post, "/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-05-10", reason = "", points = 0.123 }, null);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        var codes = reply.Json.GetProperty("errorCodes");
        Assert.Equal("entry.reason.required", codes.GetProperty("reason")[0].GetString());
        Assert.Equal("entry.points.magnitude", codes.GetProperty("points")[0].GetString());
        Assert.True(HasChinese(reply.Json.GetProperty("errors").GetProperty("reason")[0].GetString()));
        Assert.Equal("“points”是所选分值:正数,最多两位小数。", reply.Json.GetProperty("errors").GetProperty("points")[0].GetString());
    }

    [Fact]
    public async Task Appeals_refuse_in_Chinese_with_codes_by_field()
    {
        var missing = Guid.NewGuid();
        var unknown = await Send(HttpMethod.Post, "/api/appeals", new { entryId = missing, reason = "复核" }, null);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal("appeal.entryId.unknown", unknown.Json.GetProperty("errorCodes").GetProperty("entryId")[0].GetString());
        Assert.Equal($"没有 id 为“{missing}”的条目。", unknown.Json.GetProperty("errors").GetProperty("entryId")[0].GetString());

        var both = await Send(HttpMethod.Post, "/api/appeals", new { entryId = missing, criterion = "U1.1", reason = "复核" }, null);
        Assert.Equal("appeal.subject.both", both.Json.GetProperty("errorCodes").GetProperty("criterion")[0].GetString());
        Assert.Equal("每次申诉一个事项:“entryId”或“criterion”,不能同时填。", both.Json.GetProperty("errors").GetProperty("criterion")[0].GetString());
    }

    [Fact]
    public async Task Not_found_and_conflicts_and_the_framework_s_own_answers_carry_codes()
    {
        var missing = await Send(HttpMethod.Get, $"/api/entries/{Guid.NewGuid()}", null, null);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("entry.notFound", missing.Json.GetProperty("code").GetString());
        Assert.StartsWith("没有 id 为", missing.Json.GetProperty("detail").GetString());

        var unit = await App.NewUnit();
        var entry = await App.Created("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-05-10", reason = "采用" });
        var id = entry.GetProperty("id").GetGuid();
        await App.Created($"/api/entries/{id}/rescind", new { reason = "录入错误" }, HttpStatusCode.OK);
        var again = await Send(HttpMethod.Post, $"/api/entries/{id}/rescind", new { reason = "再次" }, null);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("entry.rescinded", again.Json.GetProperty("code").GetString());
        Assert.Equal("条目已撤销", again.Json.GetProperty("title").GetString());

        using var anonymous = App.Host.Server.CreateClient();
        using var response = await anonymous.GetAsync("/api/units");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("auth.unauthenticated.noToken", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Clauses_carry_the_measure_s_own_Chinese_wording_with_English_beside_it()
    {
        var book = await App.Ok("/api/rulebooks/xinyang-2019");
        var clauses = book.GetProperty("clauses").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);

        Assert.Equal("领导重视", clauses["U1"].GetProperty("title").GetString());
        Assert.Equal("Leadership attention", clauses["U1"].GetProperty("titleEn").GetString());
        Assert.Equal("按规定每月向市长热线办公室通报工作情况", clauses["U4.5"].GetProperty("title").GetString());
        Assert.Equal("对交办事项既不按期回复又不说明原因", clauses["D3.1"].GetProperty("title").GetString());
        Assert.All(clauses.Values, c =>
        {
            Assert.True(HasChinese(c.GetProperty("title").GetString()), c.GetProperty("code").GetString());
            Assert.False(HasChinese(c.GetProperty("titleEn").GetString()), c.GetProperty("code").GetString());
        });

        // The score answer shows the same wording.
        var unit = await App.NewUnit();
        var score = await App.Ok($"/api/units/{unit}/score?year=2020");
        Assert.Contains("按规定每月向市长热线办公室通报工作情况", score.GetRawText());
    }
}
