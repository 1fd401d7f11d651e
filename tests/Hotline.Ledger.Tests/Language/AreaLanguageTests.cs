using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Language;

/// <summary>
/// One refusal from each area that used to answer in English only: Chinese without an Accept-Language, English
/// when asked for, and the same code either way (scripts compare the code, never the text).
/// </summary>
public class AreaLanguageTests(LedgerApp app) : LedgerTest(app)
{
    private sealed record Answer(HttpStatusCode Status, JsonElement Json, string Text);

    private async Task<Answer> Send(HttpMethod method, string url, HttpContent? body, string? language, string? token = null)
    {
        using var client = App.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            token ?? LedgerApp.Token(LedgerApp.DefaultUser, LedgerApp.DefaultRoles));
        using var request = new HttpRequestMessage(method, url) { Content = body };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new(response.StatusCode, JsonDocument.Parse(text).RootElement, text);
    }

    /// <summary>The same request twice: default (Chinese) and English; both must answer <paramref name="status"/> with <paramref name="code"/>.</summary>
    private async Task<(JsonElement Zh, JsonElement En)> Both(HttpMethod method, string url, Func<HttpContent?> body, HttpStatusCode status, string code,
        string? token = null, string? field = null)
    {
        var zh = await Send(method, url, body(), null, token);
        var en = await Send(method, url, body(), "en", token);
        Assert.True(zh.Status == status, $"{method} {url} answered {(int)zh.Status}: {zh.Text}");
        Assert.True(en.Status == status, $"{method} {url} answered {(int)en.Status}: {en.Text}");
        foreach (var answer in new[] { zh, en })
        {
            var actual = field is null
                ? answer.Json.GetProperty("code").GetString()
                : answer.Json.GetProperty("errorCodes").GetProperty(field)[0].GetString();
            Assert.True(actual == code, $"{method} {url}: code {actual}, not {code}: {answer.Text}");
        }

        return (zh.Json, en.Json);
    }

    private static JsonContent Json(object body) => JsonContent.Create(body);

    private static string Detail(JsonElement problem, string? field = null) =>
        field is null ? problem.GetProperty("detail").GetString()! : problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    [Fact]
    public async Task Evaluation_and_circular_refusals()
    {
        var (zh, en) = await Both(HttpMethod.Get, "/api/circulars?year=20x", () => null, HttpStatusCode.BadRequest, "year.format", field: "year");
        Assert.Equal("“year”须为年份,例如 2020。", Detail(zh, "year"));
        Assert.Equal("'year' must be a year such as 2020.", Detail(en, "year"));

        var id = (await App.Created("/api/evaluations", new { year = 2020 })).GetProperty("id").GetGuid();
        (zh, en) = await Both(HttpMethod.Post, $"/api/evaluations/{id}/approve", () => Json(new { }), HttpStatusCode.Conflict, "approval.draft");
        Assert.Equal("步骤顺序不符", zh.GetProperty("title").GetString());
        Assert.Equal($"该年终考评仍是草稿；须先由办公室报送（POST /api/evaluations/{id}/submit）。", Detail(zh));
        Assert.Equal($"The evaluation is a draft; the office must submit it first (POST /api/evaluations/{id}/submit).", Detail(en));

        (zh, _) = await Both(HttpMethod.Post, $"/api/evaluations/{id}/return", () => Json(new { comments = new string('改', 4001) }), HttpStatusCode.BadRequest,
            "approval.comments.length", field: "comments");
        Assert.StartsWith("“comments”写明", Detail(zh, "comments"));
        // A rule without a catalogue text of its own is coded from the validator and worded by FluentValidation in Chinese.
        (zh, _) = await Both(HttpMethod.Post, $"/api/evaluations/{id}/return", () => Json(new { comments = "" }), HttpStatusCode.BadRequest,
            "evaluation.comments.required", field: "comments");
        Assert.Contains("不能为空", Detail(zh, "comments"));
    }

    [Fact]
    public async Task Registry_refusals()
    {
        var (zh, en) = await Both(HttpMethod.Post, "/api/units", () => Json(new { code = "a b", name = "某单位" }), HttpStatusCode.BadRequest,
            "unit.code.format", field: "code");
        Assert.StartsWith("“code”只能由字母", Detail(zh, "code"));
        Assert.StartsWith("'code' may hold only letters", Detail(en, "code"));
    }

    [Fact]
    public async Task Commendation_and_referral_refusals_until_the_result_is_approved()
    {
        object Plan() => new { year = 2020, scope = "表彰", unitQuota = 1, personQuota = 1, opensOn = "2021-01-10", closesOn = "2021-01-20" };
        var (zh, en) = await Both(HttpMethod.Post, "/api/commendation-plans", () => Json(Plan()), HttpStatusCode.Conflict, "result.notApproved.none");
        Assert.Equal("年终结果未审定", zh.GetProperty("title").GetString());
        Assert.StartsWith("尚无 2020 年年终考评", Detail(zh));
        Assert.Equal("Year-end result not approved", en.GetProperty("title").GetString());
        Assert.StartsWith("There is no 2020 year-end evaluation", Detail(en));

        (zh, _) = await Both(HttpMethod.Post, "/api/commendation-plans",
            () => Json(new { year = 2020, scope = "表彰", unitQuota = 5000, personQuota = 1, opensOn = "2021-01-10", closesOn = "2021-01-20" }),
            HttpStatusCode.BadRequest, "plan.unitQuota.outOfRange", field: "unitQuota");
        Assert.Equal("“unitQuota”为先进单位名额，0 到 1000。", Detail(zh, "unitQuota"));

        (zh, _) = await Both(HttpMethod.Post, "/api/referrals", () => Json(new { year = 2020 }), HttpStatusCode.Conflict, "result.notApproved.none");
        Assert.Equal("年终结果未审定", zh.GetProperty("title").GetString());
        await Both(HttpMethod.Get, "/api/referrals?year=x", () => null, HttpStatusCode.BadRequest, "year.format", field: "year");
        Assert.Equal(0, await App.EventCount());
    }

    [Fact]
    public async Task Case_feed_row_faults_carry_codes_beside_their_words()
    {
        var unit = await App.NewUnit();
        HttpContent Rows() => Json(new { events = new[] { new { eventId = "e1", caseNumber = "C1", type = "teleport", at = "2020-05-10T09:30:00Z", unitId = unit } } });
        var zh = await Send(HttpMethod.Post, "/api/cases/events", Rows(), null);
        var en = await Send(HttpMethod.Post, "/api/cases/events", Rows(), "en");
        foreach (var answer in new[] { zh, en })
        {
            Assert.True(answer.Status == HttpStatusCode.OK, answer.Text);
            var row = Assert.Single(answer.Json.GetProperty("rejected").EnumerateArray());
            Assert.Equal("caseFeed.type.unknown", row.GetProperty("errorCodes").GetProperty("type")[0].GetString());
        }

        Assert.StartsWith("“teleport”不是案件事件类型", zh.Json.GetProperty("rejected")[0].GetProperty("errors").GetProperty("type")[0].GetString());
        Assert.StartsWith("'teleport' is not a case event type", en.Json.GetProperty("rejected")[0].GetProperty("errors").GetProperty("type")[0].GetString());

        var (csvZh, csvEn) = await Both(HttpMethod.Post, "/api/cases/events.csv",
            () => new StringContent("eventId,caseNumber,type,at,colour\n", Encoding.UTF8, "text/csv"), HttpStatusCode.BadRequest,
            "caseFeed.csv.unknownColumns", field: "header");
        Assert.StartsWith("未知的列 'colour'", Detail(csvZh, "header"));
        Assert.StartsWith("Unknown column(s) 'colour'", Detail(csvEn, "header"));
    }

    [Fact]
    public async Task Unauthenticated_and_forbidden_answers()
    {
        using var anonymous = App.Host.Server.CreateClient();
        using var response = await anonymous.GetAsync("/api/units");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var unauthenticated = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("auth.unauthenticated.noToken", "未认证"), (unauthenticated.GetProperty("code").GetString(), unauthenticated.GetProperty("title").GetString()));
        Assert.StartsWith("请发送令牌", Detail(unauthenticated));

        var own = await App.NewUnit("LANG-A");
        var other = await App.NewUnit("LANG-B");
        var liaison = LedgerApp.Token("liaison", [Roles.Liaison], "LANG-A");
        var (zh, en) = await Both(HttpMethod.Get, $"/api/units/{other}/score?year=2020", () => null, HttpStatusCode.Forbidden, "auth.forbidden.otherUnit", liaison);
        Assert.Equal("无权访问", zh.GetProperty("title").GetString());
        Assert.Equal("单位“LANG-A”的联络员只能查看本单位及其人员。", Detail(zh));
        Assert.Equal("A liaison of unit 'LANG-A' sees only that unit and its people.", Detail(en));

        var auditor = LedgerApp.Token("auditor", [Roles.Auditor]);
        (zh, _) = await Both(HttpMethod.Post, "/api/units", () => Json(new { code = "X1", name = "某单位" }), HttpStatusCode.Forbidden, "auth.forbidden.role", auditor);
        Assert.Contains("仅向", Detail(zh));
        Assert.NotEqual(own, other);
    }

    [Fact]
    public async Task Draft_rulebook_faults_are_the_loader_s_own_coded_and_worded()
    {
        var (zh, en) = await Both(HttpMethod.Post, "/api/rulebooks/drafts", () => Json(new { copyOf = "no-such-rulebook" }), HttpStatusCode.BadRequest,
            "rulebookDraft.copyOf.unknown", field: "copyOf");
        Assert.StartsWith("“copyOf”须为已有考评办法的 id", Detail(zh, "copyOf"));
        Assert.StartsWith("'copyOf' names a rulebook of the catalog", Detail(en, "copyOf"));

        (zh, en) = await Both(HttpMethod.Post, "/api/rulebooks/drafts",
            () => new StringContent("""{"id": "x", "title": "草案", "effectiveFrom": "2030-01-01", "clauses": []}""", Encoding.UTF8, "application/json"),
            HttpStatusCode.BadRequest, "rulebook.clauses.required", field: "rulebook");
        Assert.Equal("考评办法没有条款", Detail(zh, "rulebook"));
        Assert.Equal("the rulebook has no clauses", Detail(en, "rulebook"));
    }
}
