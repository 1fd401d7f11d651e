using System.Net;
using System.Text.Json;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;
using Marten;

namespace Hotline.Ledger.Tests.Province;

/// <summary>
/// The province reads across cities: its figures are the city's own answers for the same point on both clocks, a
/// correction recorded after the fact shows on one clock and not the other, and the role reads only its routes.
/// </summary>
public class ProvinceTests(LedgerApp app) : LedgerTest(app)
{
    private const string City = "xy";
    private Caller Province => App.As("省热线办", [Roles.Province]);

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'"));

    private static object Row(string id, string caseNumber, string type, string at, Guid? unitId = null, string? replyDueAt = null) =>
        new { eventId = id, caseNumber, type, at, unitId, replyDueAt };

    private async Task Feed(params object[] rows) => await App.Created("/api/cases/events", new { events = rows }, HttpStatusCode.OK);

    /// <summary>Two units with cases of 2020: three assigned, one completed and replied in time, one replied late.</summary>
    private async Task<(Guid A, Guid B)> TwoUnitsWithCases()
    {
        var a = await App.NewUnit("PA-" + Guid.NewGuid().ToString("N")[..6], "市水利局");
        var b = await App.NewUnit("PB-" + Guid.NewGuid().ToString("N")[..6], "市交通局");
        await Feed(
            Row("P1-a", "P-1", "assigned", "2020-03-01T01:00:00Z", a, "2020-03-05T01:00:00Z"),
            Row("P2-a", "P-2", "assigned", "2020-03-02T01:00:00Z", a, "2020-03-06T01:00:00Z"),
            Row("P3-a", "P-3", "assigned", "2020-03-03T01:00:00Z", b, "2020-03-07T01:00:00Z"),
            Row("P1-r", "P-1", "replied", "2020-03-04T01:00:00Z"),
            Row("P1-c", "P-1", "completed", "2020-03-10T01:00:00Z"),
            Row("P3-r", "P-3", "replied", "2020-03-09T01:00:00Z"));
        return (a, b);
    }

    private async Task<JsonElement> Summary(string query)
    {
        var reply = await Province.Get($"/api/province/summary?{query}");
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
        var cities = reply.Json.GetProperty("cities");
        Assert.Equal(1, cities.GetArrayLength());
        return cities[0];
    }

    /// <summary>The city's own figures for the same query: its units' rates summed, its ranking graded by the rulebook's bands.</summary>
    private async Task<(int Units, int Cases, int Completed, int ReplyDue, int OnTime, Dictionary<string, int> Grades)> CitysOwn(string query)
    {
        var ranking = (await App.Ok($"/api/rankings?{query}")).EnumerateArray().ToList();
        int cases = 0, completed = 0, due = 0, onTime = 0;
        foreach (var unit in ranking)
        {
            var rates = await App.Ok($"/api/units/{unit.GetProperty("unitId").GetGuid()}/rates?{query}");
            cases += rates.GetProperty("assigned").GetInt32();
            completed += rates.GetProperty("completed").GetInt32();
            due += rates.GetProperty("replyDue").GetInt32();
            onTime += rates.GetProperty("repliedOnTime").GetInt32();
        }

        var bands = RulebookLoader.LoadBuiltIn().Single(r => r.Id == "xinyang-2019");
        var grades = ranking.GroupBy(r => bands.GradeOf(r.GetProperty("total").GetDecimal())!).ToDictionary(g => g.Key, g => g.Count());
        return (ranking.Count, cases, completed, due, onTime, grades);
    }

    private static Dictionary<string, int> GradesOf(JsonElement city) =>
        city.GetProperty("grades").EnumerateArray().Where(g => g.GetProperty("units").GetInt32() > 0)
            .ToDictionary(g => g.GetProperty("grade").GetString()!, g => g.GetProperty("units").GetInt32());

    private static decimal? Rate(int numerator, int denominator) =>
        denominator == 0 ? null : Math.Round((decimal)numerator / denominator, 4, MidpointRounding.AwayFromZero);

    private async Task AssertSameAsTheCity(string query)
    {
        var city = await Summary(query);
        var own = await CitysOwn(query);
        Assert.Equal("信阳市", city.GetProperty("name").GetString());
        Assert.Equal(own.Units, city.GetProperty("units").GetInt32());
        Assert.Equal(own.Cases, city.GetProperty("cases").GetInt32());
        Assert.Equal(own.Completed, city.GetProperty("completed").GetInt32());
        Assert.Equal(Rate(own.Completed, own.Cases), city.GetProperty("completionRate").ValueKind == JsonValueKind.Null ? null : city.GetProperty("completionRate").GetDecimal());
        Assert.Equal(own.ReplyDue, city.GetProperty("replyDue").GetInt32());
        Assert.Equal(own.OnTime, city.GetProperty("repliedOnTime").GetInt32());
        Assert.Equal(Rate(own.OnTime, own.ReplyDue), city.GetProperty("replyRate").ValueKind == JsonValueKind.Null ? null : city.GetProperty("replyRate").GetDecimal());
        Assert.Equal(own.Grades.OrderBy(g => g.Key), GradesOf(city).OrderBy(g => g.Key));
    }

    [Fact]
    public async Task The_summary_is_the_citys_own_rates_and_graded_ranking_at_the_same_point_on_both_clocks()
    {
        var (a, _) = await TwoUnitsWithCases();
        await App.Created("/api/marks", new { year = 2020, clause = "U1.1", unitId = a, points = 10, reason = "领导重视" });
        var knownAt = DateTimeOffset.UtcNow;
        await App.Created("/api/entries", new { clause = "B1", unitId = a, occurredOn = "2020-05-05", reason = "信息被采用" });

        await AssertSameAsTheCity($"year=2020&asOf=2020-06-30&knownAt={Iso(knownAt)}");
        await AssertSameAsTheCity("year=2020&asOf=2020-03-08");
        await AssertSameAsTheCity("year=2020");

        var city = await Summary("year=2020");
        Assert.Equal(3, city.GetProperty("cases").GetInt32());
        Assert.Equal(1, city.GetProperty("completed").GetInt32());
        Assert.Equal(0.3333m, city.GetProperty("completionRate").GetDecimal());
        Assert.Equal(["优秀", "良好", "合格", "不合格"], city.GetProperty("grades").EnumerateArray().Select(g => g.GetProperty("grade").GetString()));
    }

    [Fact]
    public async Task The_grades_are_those_of_the_citys_year_end_evaluation_as_it_was_computed()
    {
        var (a, b) = await TwoUnitsWithCases();
        foreach (var (clause, points) in new[] { ("U1.1", 10m), ("U1.2", 10m), ("U2.1", 4m), ("U2.2", 4m), ("U2.3", 6m), ("U2.4", 6m), ("U3.1", 8m), ("U3.2", 12m), ("U4.3", 5m), ("U4.5", 5m) })
            await App.Created("/api/marks", new { year = 2020, clause, unitId = a, points, reason = "年终考核" });
        await App.Created("/api/marks", new { year = 2020, clause = "U1.1", unitId = b, points = 6, reason = "年终考核" });
        var evaluation = await App.Created("/api/evaluations", new { year = 2020 });
        // Recorded after the evaluation was computed: the summary as known then does not see it.
        await App.Created("/api/entries", new { clause = "B1", unitId = b, occurredOn = "2020-05-05", reason = "信息被采用" });

        var knownAt = evaluation.GetProperty("knownAt").GetDateTimeOffset();
        var city = await Summary($"year=2020&asOf=2020-12-31&knownAt={Iso(knownAt)}");
        var graded = evaluation.GetProperty("units").EnumerateArray().GroupBy(u => u.GetProperty("grade").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(graded.OrderBy(g => g.Key), GradesOf(city).OrderBy(g => g.Key));
        Assert.Equal(evaluation.GetProperty("units").GetArrayLength(), city.GetProperty("units").GetInt32());
        await AssertSameAsTheCity($"year=2020&asOf=2020-12-31&knownAt={Iso(knownAt)}");
    }

    [Fact]
    public async Task A_completion_recorded_after_the_fact_counts_as_of_its_date_only_once_the_ledger_knew_it()
    {
        await TwoUnitsWithCases();
        await Task.Delay(20);
        var beforeTheCorrection = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        // Reported late: case P-2 was completed on 12 March, and the ledger learns it now.
        await Feed(Row("P2-c", "P-2", "completed", "2020-03-12T01:00:00Z"));

        var asKnownBefore = await Summary($"year=2020&asOf=2020-06-30&knownAt={Iso(beforeTheCorrection)}");
        var asKnownNow = await Summary("year=2020&asOf=2020-06-30");
        var beforeItsDate = await Summary("year=2020&asOf=2020-03-11");
        Assert.Equal(1, asKnownBefore.GetProperty("completed").GetInt32());
        Assert.Equal(2, asKnownNow.GetProperty("completed").GetInt32());
        Assert.Equal(0.6667m, asKnownNow.GetProperty("completionRate").GetDecimal());
        Assert.Equal(1, beforeItsDate.GetProperty("completed").GetInt32());

        await AssertSameAsTheCity($"year=2020&asOf=2020-06-30&knownAt={Iso(beforeTheCorrection)}");
        await AssertSameAsTheCity("year=2020&asOf=2020-06-30");
        await AssertSameAsTheCity("year=2020&asOf=2020-03-11");

        // The city's rates route of the province says the same, unit by unit.
        var rates = (await Province.Get($"/api/province/cities/{City}/rates?year=2020&asOf=2020-06-30&knownAt={Iso(beforeTheCorrection)}")).Json;
        Assert.Equal(1, rates.GetProperty("total").GetProperty("completed").GetInt32());
        foreach (var unit in rates.GetProperty("units").EnumerateArray())
        {
            var own = await App.Ok($"/api/units/{unit.GetProperty("unitId").GetGuid()}/rates?year=2020&asOf=2020-06-30&knownAt={Iso(beforeTheCorrection)}");
            Assert.Equal(own.GetRawText(), unit.GetProperty("rates").GetRawText());
        }
    }

    [Fact]
    public async Task The_province_reads_a_citys_circulars_and_approved_results_as_the_city_issued_them()
    {
        await TwoUnitsWithCases();
        var circular = await App.Created("/api/circulars", new { year = 2020 });
        var id = circular.GetProperty("id").GetGuid();

        var listed = (await Province.Get($"/api/province/cities/{City}/circulars?year=2020")).Json;
        Assert.Equal([id], listed.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        var read = await Province.Get($"/api/province/cities/{City}/circulars/{id}");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal((await App.Ok($"/api/circulars/{id}")).GetRawText(), read.Json.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await Province.Get($"/api/province/cities/{City}/circulars/{Guid.NewGuid()}")).Status);

        // A draft evaluation is not the province's to read; the approved one is.
        var evaluation = await App.Created("/api/evaluations", new { year = 2020 });
        var evaluationId = evaluation.GetProperty("id").GetGuid();
        Assert.Empty((await Province.Get($"/api/province/cities/{City}/results")).Json.EnumerateArray());
        var notYet = await Province.Get($"/api/province/cities/{City}/results/2020");
        Assert.Equal(HttpStatusCode.NotFound, notYet.Status);
        Assert.StartsWith("result.notApproved", notYet.Json.GetProperty("code").GetString());

        var reason = new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } };
        await App.Created($"/api/evaluations/{evaluationId}/submit", reason, HttpStatusCode.OK);
        await App.Created($"/api/evaluations/{evaluationId}/approve", reason, HttpStatusCode.OK);

        var results = (await Province.Get($"/api/province/cities/{City}/results")).Json;
        Assert.Equal([2020], results.EnumerateArray().Select(r => r.GetProperty("year").GetInt32()));
        var result = await Province.Get($"/api/province/cities/{City}/results/2020");
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal((await App.Ok($"/api/evaluations/{evaluationId}")).GetRawText(), result.Json.GetRawText());
    }

    [Fact]
    public async Task The_province_lists_its_cities_and_refuses_an_unknown_one_or_a_bad_query()
    {
        var cities = (await Province.Get("/api/province/cities")).Json;
        Assert.Equal("xy", cities[0].GetProperty("code").GetString());
        Assert.Equal("信阳市", cities[0].GetProperty("name").GetString());

        foreach (var route in new[] { "circulars", "results", "results/2020", "rates" })
        {
            var unknown = await Province.Get($"/api/province/cities/zz/{route}");
            Assert.True(unknown.Status == HttpStatusCode.NotFound, $"{route}: {(int)unknown.Status} {unknown.Text}");
            Assert.Equal("city.notFound", unknown.Json.GetProperty("code").GetString());
        }

        var badDate = await Province.Get("/api/province/summary?year=2020&asOf=2020-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.Status);
        Assert.NotEmpty(badDate.ErrorsFor("asOf"));
        var outside = await Province.Get($"/api/province/cities/{City}/rates?year=2020&asOf=2021-01-05");
        Assert.Equal(HttpStatusCode.BadRequest, outside.Status);
        Assert.NotEmpty(outside.ErrorsFor("asOf"));
        Assert.Equal(HttpStatusCode.BadRequest, (await Province.Get("/api/province/summary/download?format=pdf")).Status);
    }

    [Fact]
    public async Task The_summary_downloads_as_csv_and_xlsx_and_the_read_is_on_file()
    {
        await TwoUnitsWithCases();
        var csv = await Province.Get("/api/province/summary/download?year=2020&asOf=2020-06-30&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        Assert.Equal("text/csv", csv.MediaType);
        Assert.Contains("办结率", csv.Text);
        Assert.Contains("信阳市", csv.Text);
        Assert.Contains("优秀（单位数）", csv.Text);
        var xlsx = await Province.Client.GetAsync("/api/province/summary/download?year=2020&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        await Province.Get("/api/province/summary?year=2020");
        await using var session = App.Store.QuerySession();
        var reads = await session.Query<ReadRecord>().Where(r => r.Reader == "省热线办").ToListAsync();
        Assert.Contains(reads, r => r.Path == "/api/province/summary" && r.Kind == ReadKind.ScoreReplay);
        Assert.Contains(reads, r => r.Path == "/api/province/summary/download" && r.Kind == ReadKind.Export);
    }

    [Fact]
    public async Task The_province_reads_only_its_own_routes_and_no_city_role_reads_them()
    {
        // In the matrix: the province is admitted to the province's GET routes and to nothing else; only the province is admitted there.
        Assert.All(AccessMatrix.Rows, r => Assert.Equal(r.Route.StartsWith("/api/province/") && r.Method == "GET", r.Admits(Roles.Province)));
        Assert.All(AccessMatrix.Rows.Where(r => r.Route.StartsWith("/api/province/")), r => Assert.Equal([Roles.Province], r.Roles));

        // And on the wire: the city's reads and writes are refused to the province; the province's summary to every city role.
        Assert.Equal(HttpStatusCode.Forbidden, (await Province.Get("/api/units")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Province.Get("/api/rankings?year=2020")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Province.Get("/api/circulars")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Province.Post("/api/entries", new { clause = "B1" })).Status);
        foreach (var role in Roles.All.Where(r => r != Roles.Province))
        {
            var caller = role == Roles.Liaison ? App.AsLiaison("NO-SUCH-UNIT") : App.As($"tester-{role}", [role]);
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.Get("/api/province/summary?year=2020")).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await Province.Get("/api/province/summary?year=2020")).Status);
    }
}
