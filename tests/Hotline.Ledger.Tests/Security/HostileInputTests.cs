using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hotline.Ledger.Security;
using Xunit.Abstractions;
using Hotline.Ledger.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Hotline.Ledger.Tests.Security.MalformedCorpus;

namespace Hotline.Ledger.Tests.Security;

/// <summary>
/// A generated corpus of malformed requests against every write route gets only 4xx problem details,
/// never a 5xx, and appends nothing.
/// </summary>
[Collection(SecurityCollection.Name)]
public class HostileInputTests(LedgerApp app, ITestOutputHelper output) : LedgerTest(app)
{
    // The ids of a world are only known at run time; breakers that need them hold placeholders that Prepare fills in.
    private static readonly CorpusWorld w0 = new(Placeholder("unit"), Placeholder("other-unit"), Placeholder("person"), Placeholder("other-person"),
        Placeholder("entry"), Placeholder("spot-check"), Placeholder("appeal"), Placeholder("evaluation"), Placeholder("submitted-evaluation"),
        Placeholder("plan"));

    // A plan's terms for 2023: applications open after the year, and close after today (the real clock).
    private static JsonObject PlanTerms(int? year)
    {
        var terms = new JsonObject
        {
            ["scope"] = "2023年度先进单位和先进个人", ["unitQuota"] = 1, ["personQuota"] = 1, ["opensOn"] = "2024-01-10",
            ["closesOn"] = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(60).ToString("yyyy-MM-dd"),
        };
        if (year is { } y) terms["year"] = y;
        return terms;
    }

    private static CorpusField[] PlanTermFields() =>
    [
        Text("scope", 2000),
        Number("unitQuota", "null", "-1", "1001", "1.5", "1000"),
        Number("personQuota", "null", "-1", "10001", "1.5", "10000"),
        FutureDate("opensOn", true, true, S("2023-06-01")),
        FutureDate("closesOn", true, false, S("2020-01-01"), S("2024-01-09")),
        Number("nominationsPerUnit", "0", "51", "1.5"),
    ];

    private static CorpusField Override() => new("override",
    [
        null, "null", "42", "true", "[]", "{}", @"""yes""", @"{""reason"":""""}", @"{""reason"":""   ""}", @"{""reason"":42}", @"{""reason"":null}",
        .. Poison.Select(p => $@"{{""reason"":{p}}}"), $@"{{""reason"":""{new string('r', 2001)}""}}",
    ]);

    private static Guid Placeholder(string what) => new(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(what)));

    /// <summary>
    /// The write routes of the API. Adding a write route? Add it here: a valid body and, for each field,
    /// the values that must be refused (the helpers add wrong types, poison strings and hostile text).
    /// </summary>
    public static readonly WriteRoute[] Routes =
    [
        new("/api/units", _ => new JsonObject { ["code"] = "HOSTILE-1", ["name"] = "测试单位" },
            [Code("code", 32), Text("name", 200)]),

        // Adding a city creates a database: its valid body is not sent, only its breakers.
        new("/api/cities", _ => new JsonObject { ["code"] = "HOSTILE", ["name"] = "测试市" },
            [Code("code", 16), Text("name", 40)]) { ValidInWorld = false },
        // Disabling and enabling a city: the corpus's world has no added city, so only the breakers are sent.
        new("/api/cities/{code}/disable", _ => new JsonObject { ["reason"] = "并入邻市" }, [Text("reason", 500, required: false)]) { ValidInWorld = false },
        new("/api/cities/{code}/enable", _ => new JsonObject { ["reason"] = "恢复使用" }, [Text("reason", 500, required: false)]) { ValidInWorld = false },

        new("/api/people", w => new JsonObject { ["name"] = "张三", ["unitId"] = w.Unit, ["effectiveOn"] = "2020-01-01" },
            [Text("name", 100), Id("unitId"), Date("effectiveOn", required: false)]),

        new("/api/people/{person}/transfers", w => new JsonObject { ["toUnitId"] = w.OtherUnit, ["effectiveOn"] = "2020-08-01" },
            [Id("toUnitId", more: S(w0.Unit.ToString())), Date("effectiveOn", more: [S("2019-06-01"), S("2020-01-01")])]),

        new("/api/entries", w => new JsonObject
            {
                ["clause"] = "B4", ["unitId"] = w.Unit, ["personId"] = w.Person, ["occurredOn"] = "2020-03-03", ["points"] = 6,
                ["reason"] = "工作方法创新", ["caseNumber"] = "XY2020030300001",
                ["evidence"] = new JsonArray(new JsonObject { ["title"] = "创新材料", ["reference"] = "DOC-1", ["sha256"] = new string('a', 64) }),
            },
            [
                new("clause", [null, "null", S(""), S("Z9"), S("b4"), S("B4 "), S("U1.1"), S("U1"), S("M1"), S("中文条款"), S("😀"),
                    S("B4'--"), S(new string('B', 17)), "42", "[]", .. Poison]),
                Id("unitId", more: S(w0.OtherUnit.ToString())),
                Id("personId", required: false, more: S(w0.OtherPerson.ToString())),
                Date("occurredOn", more: [S("0001-01-01"), S("2019-12-19")]),
                Number("points", "null", "0", "-6", "4.99", "10.01", "6.001", "1e30", "100000000000000000000000000000", "NaN"),
                Text("reason", 2000),
                new("evidence", [@"""x""", "{}", "[null]", "[42]", @"[{""reference"":""r""}]",
                    @"[{""title"":""t"",""reference"":""r"",""sha256"":""xyz""}]",
                    $@"[{{""title"":""{new string('t', 201)}"",""reference"":""r""}}]",
                    @"[{""title"":""t\u0000"",""reference"":""r""}]",
                    "[" + string.Join(",", Enumerable.Repeat(@"{""title"":""t"",""reference"":""r""}", 51)) + "]"]),
                Text("caseNumber", 64, required: false),
            ]),

        new("/api/units/{unit}/self-checks", _ => new JsonObject
            {
                ["month"] = "2020-05", ["summary"] = "本月自查",
                ["items"] = new JsonArray(new JsonObject { ["clause"] = "U1.1", ["points"] = 8, ["note"] = "领导重视" }),
            },
            [
                new("month", [null, "null", S(""), S("2020-13"), S("2020-5"), S("2020-05-01"), S("二〇二〇年五月"), S("9999-01"), S("1999-01"),
                    "202005", "[]", .. Poison]),
                new("items", [null, "null", "[]", "{}", "[null]", "[42]", @"[{""points"":8}]", @"[{""clause"":""B1"",""points"":2}]",
                    @"[{""clause"":""U1.1"",""points"":-1}]", @"[{""clause"":""U1.1"",""points"":11}]", @"[{""clause"":""U1"",""points"":5}]",
                    @"[{""clause"":""U1.1"",""points"":1},{""clause"":""U1.1"",""points"":2}]",
                    @"[{""clause"":""U1.1"",""points"":1,""note"":""" + new string('n', 1001) + @"""}]",
                    "[" + string.Join(",", Enumerable.Repeat(@"{""clause"":""U1.1"",""points"":1}", 41)) + "]"]),
                Text("summary", 4000, required: false),
            ]),

        new("/api/spot-checks", w => new JsonObject
            {
                ["unitId"] = w.Unit, ["checkedOn"] = "2020-06-01", ["scope"] = "抽查五月办件", ["findings"] = "两件逾期未答复",
                ["entryIds"] = new JsonArray(JsonValue.Create(w.Entry)),
            },
            [
                Id("unitId", more: S(w0.OtherUnit.ToString())),
                Date("checkedOn"),
                Text("scope", 2000),
                Text("findings", 8000),
                new("entryIds", [@"""x""", "{}", "[null]", "[42]", @"[""not-a-guid""]", $@"[""{Guid.NewGuid()}""]",
                    "[" + string.Join(",", Enumerable.Range(0, 101).Select(_ => $@"""{Guid.NewGuid()}""")) + "]"]),
            ]),

        new("/api/spot-checks/{spot-check}/entries", w => new JsonObject { ["entryId"] = w.Entry },
            [Id("entryId")]),

        new("/api/appeals", w => new JsonObject
            {
                ["entryId"] = w.Entry, ["reason"] = "扣分依据不足",
                ["evidence"] = new JsonArray(new JsonObject { ["title"] = "答复记录", ["reference"] = "DOC-7" }),
            },
            [
                Id("entryId", required: false),
                new("criterion", [S("U1.1"), S(""), S(new string('U', 17)), "42", .. Poison]),
                new("unitId", [S(w0.Unit.ToString()), S("not-a-guid"), "42"]),
                new("year", ["2020", @"""2020""", "1e10"]),
                Text("reason", 4000),
                new("evidence", [@"""x""", "{}", "[null]", "[42]", @"[{""reference"":""r""}]",
                    @"[{""title"":""t"",""reference"":""r"",""sha256"":""xyz""}]",
                    "[" + string.Join(",", Enumerable.Repeat(@"{""title"":""t"",""reference"":""r""}", 51)) + "]"]),
            ]),

        new("/api/appeals/{appeal}/decision", _ => new JsonObject { ["outcome"] = "rejected", ["reason"] = "依据充分，维持原扣分" },
            [
                new("outcome", [null, "null", S(""), S("maybe"), S("UPHELD"), S("驳回"), "42", "true", S(Injections[0]), .. Poison]),
                Text("reason", 4000),
                Number("correctedPoints", "5", "-1", "1e30", "100.001"),
            ]),

        new("/api/circulars", _ => new JsonObject { ["year"] = 2020, ["asOf"] = "2020-06-30", ["knownAt"] = "2020-07-05T00:00:00Z" },
            [
                Number("year", "null", "1999", "2101", "2020.5", "1e10", "99999999999"),
                Date("asOf", required: false, more: [S("2021-06-30"), S("2019-12-31")]),
                new("knownAt", [S("not-a-time"), S("2020-13-01T00:00:00Z"), S("2020-07-05T25:00:00Z"), S("tomorrow"), S("二〇二〇年七月五日"),
                    "42", "true", "[]", S(Injections[0]), .. Poison]),
            ]),

        new("/api/evaluations", _ => new JsonObject { ["year"] = 2020 },
            [Number("year", "null", "1999", "2101", "2099", "2021", "2020.5", "1e10", "99999999999")]),

        new("/api/evaluations/{evaluation}/remarks", w => new JsonObject { ["unitId"] = w.Unit, ["text"] = "工作扎实" },
            [Id("unitId"), Text("text", 2000)]),

        new("/api/evaluations/{submitted-evaluation}/return", _ => new JsonObject { ["comments"] = "请补充扣分依据" },
            [Text("comments", 4000)]),

        // The case feed: a bad row is reported and the rest kept (a 200, by design); a bad batch is a 400.
        new("/api/cases/events", w => new JsonObject
            {
                ["events"] = new JsonArray(new JsonObject
                {
                    ["eventId"] = "CORPUS-1", ["caseNumber"] = "XY-CORPUS-1", ["type"] = "assigned", ["at"] = "2020-01-02T00:00:00Z", ["unitId"] = w.Unit,
                }),
            },
            [new("events", [null, "null", "[]", "{}", "42", @"""rows""", "[[]]",
            "[" + string.Join(",", Enumerable.Repeat(@"{""eventId"":""E""}", 10_001)) + "]"])]),

        new("/api/cases/events.csv")
        {
            Raw = ("text/csv",
            [
                "", "\uFEFF", "eventId\r\n", "eventId,caseNumber,type,at\r\n", "a,b,c\r\n1,2,3\r\n", "eventId,eventId,caseNumber,type,at\r\nx,x,c,assigned,2020-01-01T00:00:00Z\r\n",
                "事件,案件\r\n1,2\r\n", "=cmd|' /C calc'!A0,caseNumber,type,at\r\n1,2,3,4\r\n", "eventId,caseNumber,type,at,\u0000\r\n1,2,3,4,5\r\n",
                "eventId,caseNumber,type,at\r\n" + string.Concat(Enumerable.Repeat("E,C,assigned,2020-01-01T00:00:00Z\r\n", 10_001)),
            ]),
        },

        new("/api/units/{unit}/monthly-reports", _ => new JsonObject { ["month"] = "2020-05", ["summary"] = "五月工作情况" },
            [
                new("month", [null, "null", S(""), S("2020-13"), S("2020-5"), S("2020-05-01"), S("五月"), S("9999-01"), "202005", "[]", .. Poison]),
                Text("summary", 20_000),
            ]),

        // Commendations and accountability (S1–S4).
        new("/api/commendation-plans", w => PlanTerms(2023),
            [
                Number("year", "null", "1999", "2101", "2099", "2021", "2020.5"),
                .. PlanTermFields(),
            ]) { ValidInWorld = false }, // the world's plan holds 2023

        new("/api/commendation-plans/{plan}/revise", _ => PlanTerms(null), PlanTermFields()),

        new("/api/commendation-plans/{plan}/return", _ => new JsonObject { ["comments"] = "名额过多" }, [Text("comments", 4000)])
            { ValidInWorld = false }, // the world's plan is a draft

        new("/api/commendation-plans/{plan}/applications", w => new JsonObject
            {
                ["unitId"] = w.Unit, ["selfEvaluation"] = "全年办结率高", ["seeksUnitCommendation"] = true,
                ["nominations"] = new JsonArray(new JsonObject { ["personId"] = w.Person, ["deeds"] = "现场核查" }),
            },
            [
                Id("unitId"),
                Text("selfEvaluation", 8000),
                new("seeksUnitCommendation", [@"""yes""", "1", "[]", "{}", S("是")]),
                new("evidence", [@"""x""", "{}", "[null]", "[42]", @"[{""reference"":""r""}]"]),
                new("nominations", [@"""x""", "{}", "[null]", "[42]", @"[{""deeds"":""d""}]", $@"[{{""personId"":""{Guid.NewGuid()}"",""deeds"":""""}}]",
                    $@"[{{""personId"":""{w0.Person}"",""deeds"":""a""}},{{""personId"":""{w0.Person}"",""deeds"":""b""}}]",
                    $@"[{{""personId"":""{w0.Person}"",""deeds"":""{new string('d', 8001)}""}}]",
                    "[" + string.Join(",", Enumerable.Range(0, 51).Select(_ => $@"{{""personId"":""{Guid.NewGuid()}"",""deeds"":""d""}}")) + "]"]),
            ]) { ValidInWorld = false }, // the world's plan is not approved, its window not open

        new("/api/commendation-plans/{plan}/shortlist", w => new JsonObject
            {
                ["units"] = new JsonArray(new JsonObject { ["unitId"] = w.Unit, ["reason"] = "成绩突出" }),
            },
            [
                new("units", ["null", "[]", @"""x""", "{}", "[null]", "[42]", @"[{""reason"":""r""}]",
                    $@"[{{""unitId"":""{w0.Unit}""}},{{""unitId"":""{w0.Unit}""}}]",
                    $@"[{{""unitId"":""{w0.Unit}"",""reason"":""{new string('r', 2001)}""}}]"]),
                new("people", [@"""x""", "{}", "[null]", "[42]", @"[{""reason"":""r""}]"]),
            ]) { ValidInWorld = false },

        new("/api/commendation-plans/{plan}/shortlist/return", _ => new JsonObject { ["comments"] = "请复核" }, [Text("comments", 4000)])
            { ValidInWorld = false },

        new("/api/commendations", w => new JsonObject { ["planId"] = w.Plan, ["documentNumber"] = "信政办〔2024〕12号", ["awardedOn"] = "2024-03-01" },
            [Id("planId"), Text("documentNumber", 100), Date("awardedOn")]) { ValidInWorld = false },

        new("/api/referrals", _ => new JsonObject { ["year"] = 2023, ["note"] = "按规则移送" },
            [Number("year", "null", "1999", "2101", "2099", "2021", "2020.5"), Text("note", 4000, required: false)]),

        new("/api/commendation-plans/{plan}/submit"),
        new("/api/commendation-plans/{plan}/approve"),
        new("/api/commendation-plans/{plan}/shortlist/submit"),
        new("/api/commendation-plans/{plan}/shortlist/approve"),

        new("/api/evaluations/{evaluation}/recompute"),
        // The body is optional; an incomplete evaluation (the world's are) goes on only with an override's reason.
        new("/api/evaluations/{evaluation}/submit", _ => new JsonObject { ["override"] = new JsonObject { ["reason"] = "评分未齐，先行报送" } },
            [Override()]) { ValidInWorld = false }, // the corpus's own registrations (above) call for a recompute first
        new("/api/evaluations/{submitted-evaluation}/approve", _ => new JsonObject { ["override"] = new JsonObject { ["reason"] = "同意，缺项年后补评" } },
            [Override()]) { ValidInWorld = false }, // the corpus's return (above) has sent the world's submitted evaluation back

        new("/api/marks", w => new JsonObject { ["year"] = 2020, ["clause"] = "U1.1", ["unitId"] = w.Unit, ["points"] = 8, ["reason"] = "领导重视" },
            [
                Number("year", "null", "1999", "2101", "2099", "2020.5", "1e10", "99999999999"),
                new("clause", [null, S(""), S("B1"), S("D1"), S("U1"), S("I1"), S("u1.1"), S("Z9"), S("中文"), S("😀"), "42", .. Poison]),
                Id("unitId"),
                Number("points", "null", "-1", "11", "6.001", "1e30"),
                Text("reason", 2000),
            ]),

        // The corpus's transfer (above) moved the person on 2020-08-01: they leave the new unit after that.
        new("/api/people/{person}/departures", _ => new JsonObject { ["lastDay"] = "2020-09-30" },
            [Date("lastDay", more: [S("2019-12-31")])]),

        new("/api/notice-subscriptions", w => new JsonObject { ["unitId"] = w.Unit, ["kinds"] = new JsonArray("entryRecorded"), ["channel"] = "inbox" },
            [
                Id("unitId", required: false),
                new("kinds", [null, "null", "[]", @"[""everything""]", "[null]", "[42]", "42", S("entryRecorded"), .. Poison]),
                new("channel", [null, "null", S(""), S("sms"), S("INBOX"), "42", .. Poison]),
                new("url", [S("ftp://127.0.0.1/hook"), S("http://user:pw@127.0.0.1/hook"), S("/relative"), "42", .. Poison]),
                new("address", [S("not-an-address"), "42", .. Poison]),
                new("secret", [S("short"), "42", .. Poison]),
                new("format", [S("wecom"), S("telegram"), "42"]),
            ]),
        // The subscription's DELETE, sent as POST: only its id can be wrong.
        new("/api/notice-subscriptions/{unit}"),
        new("/api/notices/{unit}/read"),
        new("/api/notices/failed/{unit}/retry"),

        new("/api/rulebooks/drafts", _ => new JsonObject { ["copyOf"] = "xinyang-2019" },
            [new("copyOf", [null, "null", S(""), S("no-such-rulebook"), S("XINYANG-2019"), "42", "[]", "{}", .. Poison])]),
        // The draft's PUT and DELETE, sent as POST, and its approval steps: only the id can be wrong.
        new("/api/rulebooks/drafts/{unit}"),
        new("/api/rulebooks/drafts/{unit}/submit"),
        new("/api/rulebooks/drafts/{unit}/return"),
        new("/api/rulebooks/drafts/{unit}/approve"),

        // Last: the valid-body check rescinds the entry that other routes (appeals) use first.
        new("/api/entries/{entry}/rescind", _ => new JsonObject { ["reason"] = "复核后撤销" }, [Text("reason", 2000)]),
    ];

    private async Task<CorpusWorld> World()
    {
        var unit = await App.NewUnit("CORPUS-A");
        var other = await App.NewUnit("CORPUS-B");
        var person = await App.NewPerson(unit, "2020-01-01");
        var otherPerson = await App.NewPerson(other, "2020-01-01");
        var entry = await App.Created("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = "信息被采用" });
        var check = await App.Created("/api/spot-checks", new { unitId = unit, checkedOn = "2020-06-01", scope = "抽查", findings = "无" });
        var contested = await App.Created("/api/entries", new { clause = "D1", unitId = unit, occurredOn = "2020-04-04", points = 5, reason = "拖延" });
        var appeal = await App.Created("/api/appeals", new { entryId = contested.GetProperty("id").GetGuid(), reason = "申诉" });
        // Two finished years (the clock is past them), so that the corpus's own 2020 draft is refused only for its body.
        var draft = await App.Created("/api/evaluations", new { year = 2021 });
        var submitted = await App.Created("/api/evaluations", new { year = 2022 });
        var submittedId = submitted.GetProperty("id").GetGuid();
        await App.Created($"/api/evaluations/{submittedId}/submit", new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } }, HttpStatusCode.OK);
        // An approved 2023 result, and a draft commendation plan on it.
        var approved = (await App.Created("/api/evaluations", new { year = 2023 })).GetProperty("id").GetGuid();
        await App.Created($"/api/evaluations/{approved}/submit", new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } }, HttpStatusCode.OK);
        await App.Created($"/api/evaluations/{approved}/approve", new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } }, HttpStatusCode.OK);
        var plan = await App.Created("/api/commendation-plans", PlanTerms(2023));
        return new CorpusWorld(unit, other, person, otherPerson, entry.GetProperty("id").GetGuid(), check.GetProperty("id").GetGuid(),
            appeal.GetProperty("id").GetGuid(), draft.GetProperty("id").GetGuid(), submittedId, plan.GetProperty("id").GetGuid());
    }

    private static string Prepare(string text, CorpusWorld world) => text
        .Replace(w0.Unit.ToString(), world.Unit.ToString()).Replace(w0.OtherUnit.ToString(), world.OtherUnit.ToString())
        .Replace(w0.Person.ToString(), world.Person.ToString()).Replace(w0.OtherPerson.ToString(), world.OtherPerson.ToString());

    [Fact]
    public async Task Each_valid_body_of_the_corpus_is_accepted_so_that_each_breaker_is_what_is_refused()
    {
        var world = await World();
        foreach (var route in Routes.Where(r => r.TakesBody && r.Raw is null && r.ValidInWorld))
        {
            var reply = await App.PostRaw(MalformedCorpus.Url(route.Path, world), route.Valid(world).ToJsonString());
            Assert.True((int)reply.Status is >= 200 and < 300, $"The corpus's valid body for {route.Path} is refused ({(int)reply.Status}): {reply.Text}");
        }
    }

    [Fact]
    public void Every_write_route_of_the_api_is_in_the_corpus()
    {
        var corpus = Routes.Select(r => AccessRule.KeyOf("POST", r.Path)).ToHashSet();
        var missing = App.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(AccessMatrixTests.IsApi)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE") == true)
            .Select(e => AccessRule.KeyOf("POST", e.RoutePattern.RawText ?? ""))
            .Where(key => !corpus.Contains(key))
            .ToList();
        Assert.True(missing.Count == 0,
            "These write routes are not in the malformed-request corpus; add each to HostileInputTests.Routes " +
            "(a valid body and the values each field must refuse):\n  " + string.Join("\n  ", missing));
    }

    /// <remarks>CI sends every request of the corpus; a developer's run four of each route's, at random (<see cref="Breadth"/>).</remarks>
    [Fact]
    public async Task A_thousand_malformed_requests_get_only_4xx_problem_details_and_append_nothing()
    {
        var world = await World();
        var corpus = Build(Routes, world).ToList();
        Assert.True(corpus.Count >= 1000, $"The corpus holds {corpus.Count} requests; it should hold at least 1,000.");
        Assert.Equal(Routes.Length, corpus.Select(r => r.Route).Distinct().Count());
        var sent = Breadth.Sample(corpus, r => r.Route, 4);
        output.WriteLine($"The corpus holds {corpus.Count} malformed requests across {Routes.Length} write routes; sent {sent.Count}, {Breadth.Describe}.");

        var before = await App.EventCount();
        var wrong = new List<string>();
        foreach (var request in sent)
        {
            var reply = await App.Send(HttpMethod.Post, request.Url, new StringContent(Prepare(request.Body, world), Encoding.UTF8, request.ContentType), null);
            if ((int)reply.Status is < 400 or >= 500 || reply.MediaType != "application/problem+json")
                wrong.Add($"POST {request.Route} with {request.What}: {(int)reply.Status} {reply.MediaType} {Cut(reply.Text)}");
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {sent.Count} malformed requests ({Breadth.Describe}) were not refused with a 4xx problem:\n" + string.Join("\n", wrong.Take(40)));
        Assert.Equal(before, await App.EventCount());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_whether_its_length_is_declared_or_streamed()
    {
        var unit = await App.NewUnit();
        var reason = new string('长', 200 * 1024);
        var declared = await Refused(() => App.PostRaw("/api/entries", $$"""{"clause":"B1","unitId":"{{unit}}","occurredOn":"2020-03-03","reason":"{{reason}}"}"""),
            HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("at most 262144 bytes", declared.Json.GetProperty("detail").GetString());

        // JsonContent streams without a Content-Length: the body is cut off as it is read.
        var streamed = await Refused(() => App.Post("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason }),
            HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("262144 bytes", streamed.Json.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(@"{""code"":""OK-1"",""name"":""bad\u0000""}", "name")]
    [InlineData(@"{""code"":""OK-1"",""name"":42}", "name")]
    public async Task Bad_json_values_are_400s_naming_the_field(string body, string field)
    {
        var reply = await Refused(() => App.PostRaw("/api/units", body), HttpStatusCode.BadRequest, field);
        Assert.Equal("application/problem+json", reply.MediaType);
    }

    [Fact]
    public async Task A_number_sent_as_a_string_is_refused()
    {
        var unit = await App.NewUnit();
        await Refused(() => App.PostRaw("/api/marks", $$"""{"year":"2020","clause":"U1.1","unitId":"{{unit}}","points":8,"reason":"r"}"""),
            HttpStatusCode.BadRequest, "year");
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
