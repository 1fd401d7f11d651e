using System.Net;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Security;

/// <summary>
/// The read audit declared on the endpoint and the score query read by one binder: a read shown is on file with its
/// subject, a read refused (400, 404) is not, and every route that takes a score query refuses the same values alike.
/// </summary>
public class AuditedReadTests(LedgerApp app) : LedgerTest(app)
{
    private Caller Auditor => App.As("auditor-qin", [Roles.Auditor]);

    private async Task<List<System.Text.Json.JsonElement>> ReadsBy(string reader) =>
        (await Auditor.Get($"/api/audit/reads?reader={reader}")).Json.EnumerateArray().ToList();

    [Fact]
    public async Task A_rates_read_is_on_file_with_its_unit_and_a_refused_one_is_not()
    {
        var unit = await App.NewUnit("AR-1");
        var inspector = App.As("inspector-lu", [Roles.Inspector]);

        var shown = await inspector.Get($"/api/units/{unit}/rates?year=2020&asOf=2020-06-30");
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Equal(2020, shown.Json.GetProperty("year").GetInt32());

        var badYear = await inspector.Get($"/api/units/{unit}/rates?year=20x0");
        Assert.Equal(HttpStatusCode.BadRequest, badYear.Status);
        Assert.Equal("year.format", badYear.Json.GetProperty("code").GetString());
        Assert.NotEmpty(badYear.ErrorsFor("year"));
        var unknown = await inspector.Get($"/api/units/{Guid.NewGuid()}/rates?year=2020");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("unit.notFound", unknown.Json.GetProperty("code").GetString());

        var read = Assert.Single(await ReadsBy("inspector-lu"));
        Assert.Equal("rates", read.GetProperty("kind").GetString());
        Assert.Equal(unit, read.GetProperty("unitId").GetGuid());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, read.GetProperty("personId").ValueKind);
        Assert.Contains("asOf=2020-06-30", read.GetProperty("query").GetString());
    }

    [Fact]
    public async Task A_person_score_download_is_on_file_against_the_person()
    {
        var unit = await App.NewUnit("AR-2");
        var person = await App.NewPerson(unit, "2020-01-01");
        var inspector = App.As("inspector-fan", [Roles.Inspector]);

        var csv = await inspector.Get($"/api/people/{person}/score?year=2020&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        Assert.Equal("text/csv", csv.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await inspector.Get($"/api/people/{person}/score?year=2020&format=pdf")).Status);

        var read = Assert.Single(await ReadsBy("inspector-fan"));
        Assert.Equal("scoreReplay", read.GetProperty("kind").GetString());
        Assert.Equal(person, read.GetProperty("personId").GetGuid());
    }

    [Fact]
    public async Task A_trail_or_a_search_refused_by_its_query_or_its_subject_is_not_on_file_and_a_shown_one_is()
    {
        var unit = await App.NewUnit("AR-3");
        await App.Created("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = "信息被采用" });
        var inspector = App.As("inspector-gao", [Roles.Inspector]);

        var badDate = await inspector.Get($"/api/evidence?unitId={unit}&from=2020-13-01");
        Assert.Equal("query.date", badDate.Json.GetProperty("code").GetString());
        Assert.NotEmpty(badDate.ErrorsFor("from"));
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.Get($"/api/evidence?unitId={Guid.NewGuid()}")).Status);
        var badInstant = await inspector.Get($"/api/entries?unitId={unit}&recordedTo=tomorrow");
        Assert.Equal("query.instant", badInstant.Json.GetProperty("code").GetString());
        Assert.NotEmpty(badInstant.ErrorsFor("recordedTo"));
        Assert.Empty(await ReadsBy("inspector-gao"));

        Assert.Single((await inspector.Get($"/api/evidence?unitId={unit}&from=2020-01-01")).Json.EnumerateArray());
        Assert.Single((await inspector.Get($"/api/entries?unitId={unit}&status=active")).Json.GetProperty("items").EnumerateArray());
        var reads = await ReadsBy("inspector-gao");
        Assert.Equal(["entry", "evidenceTrail"], reads.Select(r => r.GetProperty("kind").GetString()).Order());
        Assert.All(reads, r => Assert.Equal(unit, r.GetProperty("unitId").GetGuid()));
    }

    [Theory]
    [InlineData("year=1999", "year", "year.format")]
    [InlineData("year=2020&asOf=2021-01-01", "asOf", "asOf.outsideYear")]
    [InlineData("year=2020&knownAt=soon", "knownAt", "query.instant")]
    public async Task Every_route_that_takes_a_score_query_refuses_the_same_values_alike(string query, string field, string code)
    {
        var unit = await App.NewUnit();
        foreach (var route in new[] { $"/api/units/{unit}/score", $"/api/units/{unit}/rates", "/api/rankings", $"/api/units/{unit}/self-assessment" })
        {
            var reply = await App.Get($"{route}?{query}");
            Assert.True(reply.Status == HttpStatusCode.BadRequest, $"{route}?{query}: {reply.Status}");
            Assert.Equal(code, reply.Json.GetProperty("code").GetString());
            Assert.NotEmpty(reply.ErrorsFor(field));
        }

        Assert.Empty((await Auditor.Get("/api/audit/reads")).Json.EnumerateArray());
    }

    [Fact]
    public async Task The_openapi_document_declares_the_bound_query_and_the_typed_answer()
    {
        var doc = await App.Ok("/openapi/v1.json");
        var rates = doc.GetProperty("paths").GetProperty("/api/units/{id}/rates").GetProperty("get");
        var names = rates.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("year", names);
        Assert.Contains("asOf", names);
        Assert.Contains("knownAt", names);
        var ok = rates.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("#/components/schemas/CaseRates", ok.GetProperty("$ref").GetString());

        // A route that also downloads declares its JSON answer too.
        var score = doc.GetProperty("paths").GetProperty("/api/units/{id}/score").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("#/components/schemas/Scorecard", score.GetProperty("$ref").GetString());
    }
}
