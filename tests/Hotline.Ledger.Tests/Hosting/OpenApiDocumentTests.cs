using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Hosting;

/// <summary>
/// The OpenAPI document is one a client generator can use: every operation has an id, a capability tag, a Chinese
/// summary, its real success answer and the problem answers; optional fields are optional; every reference resolves.
/// </summary>
public class OpenApiDocumentTests(LedgerApp app) : LedgerTest(app)
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    private async Task<JsonElement> Document() => await App.Ok("/openapi/v1.json");

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement doc) =>
        doc.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)).Select(m => (p.Name, m.Name, m.Value)));

    [Fact]
    public async Task Every_operation_has_an_id_a_tag_a_chinese_summary_and_its_problem_answers()
    {
        var doc = await Document();
        var operations = Operations(doc).ToList();
        Assert.True(operations.Count > 60, $"only {operations.Count} operations");

        var ids = new HashSet<string>();
        foreach (var (path, method, op) in operations)
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            var id = op.GetProperty("operationId").GetString()!;
            Assert.True(ids.Add(id), $"{where}: operationId {id} twice");
            Assert.DoesNotContain("_api_", id);

            var tags = op.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList();
            Assert.True(tags.Count == 1, $"{where}: tags {string.Join(", ", tags)}");
            Assert.DoesNotContain("Hotline", tags[0]);
            Assert.True(op.TryGetProperty("summary", out var summary) && summary.GetString()!.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"{where}: no Chinese summary");

            var responses = op.GetProperty("responses");
            var expected = new List<string> { "400", "401", "403" };
            if (path.Contains('{')) expected.Add("404");
            if (method == "post") expected.Add("409");
            foreach (var status in expected) Assert.True(responses.TryGetProperty(status, out _), $"{where}: no {status} answer");
            Assert.Contains(responses.EnumerateObject(), r => r.Name.StartsWith('2'));
        }
    }

    [Theory]
    [InlineData("/api/entries", "EntryView")]
    [InlineData("/api/cities", "City")]
    [InlineData("/api/marks", "MarkView")]
    [InlineData("/api/units", "UnitView")]
    [InlineData("/api/people", "PersonView")]
    [InlineData("/api/appeals", "AppealView")]
    [InlineData("/api/circulars", "CircularView")]
    [InlineData("/api/evaluations", "EvaluationView")]
    public async Task Creating_routes_answer_201_with_their_body(string path, string schema)
    {
        var responses = (await Document()).GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("responses");
        var created = responses.GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal($"#/components/schemas/{schema}", created.GetProperty("$ref").GetString());
        Assert.False(responses.TryGetProperty("200", out _), $"POST {path} also claims 200");
    }

    /// <summary>
    /// The reads that also download answer one typed result: their JSON record is declared with its schema, and the
    /// CSV and XLSX files beside it, so a client generator knows both what the route returns and that it downloads.
    /// </summary>
    [Theory]
    [InlineData("/api/units/{id}/score", "Scorecard")]
    [InlineData("/api/people/{id}/score", "Scorecard")]
    [InlineData("/api/rankings", "RankedUnit")]
    [InlineData("/api/units/{id}/score/series", "ScoreSeries")]
    [InlineData("/api/people/{id}/score/series", "ScoreSeries")]
    [InlineData("/api/units/{id}/rank/series", "RankSeries")]
    [InlineData("/api/units/{id}/changes", "LedgerChanges")]
    [InlineData("/api/people/{id}/changes", "LedgerChanges")]
    [InlineData("/api/evidence", "EvidenceRow")]
    [InlineData("/api/entries", "EntryView")]
    [InlineData("/api/warnings", "WarningList")]
    [InlineData("/api/units", "UnitView")]
    [InlineData("/api/people", "PersonView")]
    [InlineData("/api/people/{id}", "PersonView")]
    [InlineData("/api/appeals", "AppealView")]
    [InlineData("/api/units/{id}/monthly-reports", "MonthlyReportView")]
    [InlineData("/api/units/{id}/self-checks", "SelfCheckMonth")]
    [InlineData("/api/circulars/{id}", "CircularView")]
    [InlineData("/api/evaluations/{id}", "EvaluationView")]
    public async Task Reads_that_also_download_declare_their_json_record_and_the_files(string path, string schema)
    {
        var ok = (await Document()).GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200");
        var content = ok.GetProperty("content");
        var json = content.GetProperty("application/json").GetProperty("schema");
        var reference = json.TryGetProperty("items", out var items) ? items.GetProperty("$ref").GetString() : json.GetProperty("$ref").GetString();
        Assert.StartsWith("#/components/schemas/", reference);
        Assert.Contains(schema, reference!, StringComparison.Ordinal);
        Assert.True(content.TryGetProperty("text/csv", out _), $"GET {path}: no CSV declared");
        Assert.True(content.TryGetProperty("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out _), $"GET {path}: no XLSX declared");
    }

    [Fact]
    public async Task The_evidence_bundle_is_declared_as_a_zip()
    {
        var ok = (await Document()).GetProperty("paths").GetProperty("/api/referrals/{id}/bundle").GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.True(ok.GetProperty("content").TryGetProperty("application/zip", out _));
    }

    [Fact]
    public async Task Optional_fields_are_optional_and_every_reference_resolves()
    {
        var doc = await Document();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var required = schemas.GetProperty("RecordEntry").GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Equal(["clause", "occurredOn", "reason", "unitId"], required.Order());

        var refs = new List<string>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "$ref") refs.Add(p.Value.GetString()!);
                    else Walk(p.Value);
                }
            else if (e.ValueKind == JsonValueKind.Array)
                foreach (var item in e.EnumerateArray()) Walk(item);
        }

        Walk(doc);
        Assert.NotEmpty(refs);
        foreach (var r in refs.Where(r => r.StartsWith("#/components/schemas/", StringComparison.Ordinal)).Distinct())
            Assert.True(schemas.TryGetProperty(r["#/components/schemas/".Length..], out _), $"{r} does not resolve");
    }
}
