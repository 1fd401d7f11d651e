using System.Net;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Language;

/// <summary>The refusals of membership scoring, completeness, the asOf rule and the lists speak Chinese by default, with stable codes.</summary>
public class FindingsLanguageTests(LedgerApp app) : LedgerTest(app)
{
    private async Task<JsonElement> Chinese(HttpMethod method, string url, object? body, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body) };
        using var response = await App.DefaultLanguageClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{method} {url} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task Membership_completeness_asOf_and_paging_refusals_are_worded_in_Chinese_with_their_codes()
    {
        var unit = await App.NewUnit();
        var newcomer = (await App.Created("/api/people", new { name = "新同志", unitId = unit })).GetProperty("id").GetGuid();

        var notMember = await Chinese(HttpMethod.Get, $"/api/people/{newcomer}/score?year=2020", null, HttpStatusCode.NotFound);
        Assert.Equal("person.notAMember", notMember.GetProperty("code").GetString());
        Assert.Contains("2020 年", notMember.GetProperty("detail").GetString());

        var outside = await Chinese(HttpMethod.Get, $"/api/units/{unit}/score?year=2020&asOf=2021-03-01", null, HttpStatusCode.BadRequest);
        Assert.Equal("“asOf”2021-03-01 不在 2020 年之内:须为 2020-01-01 至 2020-12-31 之间的日期。", outside.GetProperty("errors").GetProperty("asOf")[0].GetString());

        var limit = await Chinese(HttpMethod.Get, "/api/entries?limit=0", null, HttpStatusCode.BadRequest);
        Assert.Equal("list.limit.outOfRange", limit.GetProperty("code").GetString());

        var id = (await App.Created("/api/evaluations", new { year = 2020 })).GetProperty("id").GetGuid();
        var incomplete = await Chinese(HttpMethod.Post, $"/api/evaluations/{id}/submit", new { }, HttpStatusCode.Conflict);
        Assert.Equal(("evaluation.incomplete", "年终考评不完整"), (incomplete.GetProperty("code").GetString(), incomplete.GetProperty("title").GetString()));
        Assert.Contains("未评分指标", incomplete.GetProperty("detail").GetString());
        var second = await Chinese(HttpMethod.Post, "/api/evaluations", new { year = 2020 }, HttpStatusCode.Conflict);
        Assert.Equal("evaluation.exists", second.GetProperty("code").GetString());
        Assert.Contains($"POST /api/evaluations/{id}/recompute", second.GetProperty("detail").GetString());
    }
}
