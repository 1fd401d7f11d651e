using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Evaluation;

/// <summary>
/// The endpoints that load their aggregate with Wolverine's attributes answer an unknown id as every other route does
/// (the catalogue's code, Chinese unless English is asked for, nothing appended), and answer a step with what the store
/// saved: the instant each step was recorded, as a later read shows it.
/// </summary>
public class LoadedByAttributeTests(LedgerApp app) : LedgerTest(app)
{
    private async Task<(HttpStatusCode Status, JsonElement Json)> Post(string url, object body, string? language)
    {
        using var client = App.DefaultLanguageClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Theory]
    [InlineData("/api/evaluations/{0}/return", "evaluation.notFound", "年终考评", "evaluation")]
    [InlineData("/api/commendation-plans/{0}/submit", "commendationPlan.notFound", "表彰方案", "commendation plan")]
    public async Task An_unknown_id_is_the_catalogues_404_in_Chinese_and_in_English(string route, string code, string chinese, string english)
    {
        var id = Guid.NewGuid();
        var before = await App.EventCount();

        var zh = await Post(string.Format(route, id), new { comments = "请补充" }, null);
        Assert.Equal(HttpStatusCode.NotFound, zh.Status);
        Assert.Equal(code, zh.Json.GetProperty("code").GetString());
        Assert.Equal("未找到", zh.Json.GetProperty("title").GetString());
        Assert.Equal($"没有 id 为“{id}”的{chinese}。", zh.Json.GetProperty("detail").GetString());

        var en = await Post(string.Format(route, id), new { comments = "please add" }, "en");
        Assert.Equal(code, en.Json.GetProperty("code").GetString());
        Assert.Equal($"There is no {english} with id '{id}'.", en.Json.GetProperty("detail").GetString());
        Assert.Equal(before, await App.EventCount());
    }

    [Fact]
    public async Task A_step_answers_with_the_instants_the_store_recorded()
    {
        await App.NewUnit();
        var id = (await App.Created("/api/evaluations", new { year = 2020 })).GetProperty("id").GetGuid();
        var submitted = await App.Created($"/api/evaluations/{id}/submit", new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } },
            HttpStatusCode.OK);
        var returned = await App.Created($"/api/evaluations/{id}/return", new { comments = "请补充评语" }, HttpStatusCode.OK);

        var read = await App.Ok($"/api/evaluations/{id}");
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        Assert.Equal(read.GetProperty("steps").GetRawText(), returned.GetProperty("steps").GetRawText());
        Assert.Equal(read.GetProperty("steps")[1].GetRawText(), submitted.GetProperty("steps")[1].GetRawText());
    }
}
