using System.Net;
using System.Text;
using Hotline.Ledger.Tests.Support;
using MiniExcelLibs;

namespace Hotline.Ledger.Tests.Evaluation;

public class ExportTests(LedgerApp app) : LedgerTest(app)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<(byte[] Body, string? MediaType)> Download(string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.Add("Accept", accept);
        using var response = await App.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A unit whose name is a formula and a unit whose name is markup, each with a deduction.</summary>
    private async Task<(Guid Formula, Guid Markup, Guid Person)> Units()
    {
        var formula = await App.NewUnit("F1", "=HYPERLINK(\"http://x\",\"点我\")");
        var markup = await App.NewUnit("M1", "<script>alert(1)</script>市城管局");
        var person = await App.NewPerson(markup, name: "王五");
        await App.Created("/api/marks", new { year = 2020, clause = "U1.1", unitId = markup, points = 9.5, reason = "r" });
        await App.Created("/api/entries", new { clause = "D1", unitId = markup, personId = person, occurredOn = "2020-05-06", points = 7, reason = "推诿扯皮 & 拖延", caseNumber = "XY-2020-0001" });
        await App.Created("/api/entries", new { clause = "D3.3", unitId = formula, occurredOn = "2020-06-05", reason = "=1+1", caseNumber = null as string });
        return (formula, markup, person);
    }

    [Fact]
    public async Task A_circular_exports_as_csv_with_a_bom_a_header_and_no_formulas()
    {
        await Units();
        var id = (await App.Created("/api/circulars", new { year = 2020, asOf = "2020-12-31" })).GetProperty("id").GetGuid();

        var (units, type) = await Download($"/api/circulars/{id}", "text/csv");
        Assert.Equal("text/csv", type);
        Assert.Equal(Encoding.UTF8.GetPreamble(), units[..3]);
        var lines = Encoding.UTF8.GetString(units[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"名次\",\"单位代码\",\"单位名称\",\"U1.1（10分）\",\"U1.2（10分）\"", lines[0]);
        Assert.EndsWith("\"指标得分\",\"加分\",\"减分\",\"总分\",\"单位ID\"", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"", lines[2]);
        Assert.Contains("\"-5\"", lines[2]);

        var (deductions, _) = await Download($"/api/circulars/{id}?table=deductions", "text/csv");
        var rows = Encoding.UTF8.GetString(deductions[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, rows.Length);
        Assert.Contains("\"王五\",\"D1\",\"-7\",\"2020-05-06\",\"XY-2020-0001\"", rows[1]);
        Assert.Contains("\"'=1+1\"", rows[2]);

        var (people, _) = await Download($"/api/circulars/{id}?format=csv&table=people", null);
        Assert.Contains("王五", Encoding.UTF8.GetString(people));
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Get($"/api/circulars/{id}?format=csv&table=cases")).Status);
    }

    [Fact]
    public async Task A_circular_exports_as_an_xlsx_that_reads_back()
    {
        var (formula, markup, _) = await Units();
        var id = (await App.Created("/api/circulars", new { year = 2020, asOf = "2020-12-31" })).GetProperty("id").GetGuid();

        var (body, type) = await Download($"/api/circulars/{id}", Xlsx);
        Assert.Equal(Xlsx, type);
        using var stream = new MemoryStream(body);
        Assert.Equal(["说明", "单位", "个人", "扣分依据"], stream.GetSheetNames());

        var units = stream.Query(useHeaderRow: true, sheetName: "单位").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, units.Count);
        Assert.Equal("<script>alert(1)</script>市城管局", units[0]["单位名称"]);
        Assert.Equal(1d, Convert.ToDouble(units[0]["名次"]));
        Assert.Equal(2.5d, Convert.ToDouble(units[0]["总分"]));
        Assert.Equal(9.5d, Convert.ToDouble(units[0]["U1.1（10分）"]));
        Assert.Equal(-7d, Convert.ToDouble(units[0]["减分"]));
        Assert.Equal(markup.ToString(), units[0]["单位ID"]);
        Assert.Equal("=HYPERLINK(\"http://x\",\"点我\")", units[1]["单位名称"]);
        Assert.Equal(formula.ToString(), units[1]["单位ID"]);

        var facts = stream.Query(useHeaderRow: true, sheetName: "说明").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["项目"]!, r => r["内容"]?.ToString());
        Assert.Equal("2020年12月31日", facts["统计截止日期"]);
        Assert.Equal(id.ToString(), facts["通报编号"]);

        var causes = stream.Query(useHeaderRow: true, sheetName: "扣分依据").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["D1", "D3.3"], causes.Select(c => c["条款"]));
        Assert.Equal("推诿扯皮 & 拖延", causes[0]["事由"]);

        // The spreadsheet holds the formula-like name as text, not as a formula.
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(body));
        foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            Assert.DoesNotContain("<x:f>", await reader.ReadToEndAsync());
        }
    }

    [Fact]
    public async Task A_circular_prints_as_a_chinese_html_page_with_escaped_text()
    {
        await Units();
        var id = (await App.Created("/api/circulars", new { year = 2020 })).GetProperty("id").GetGuid();

        var (body, type) = await Download($"/api/circulars/{id}", "text/html");
        Assert.Equal("text/html", type);
        var html = Encoding.UTF8.GetString(body);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("<title>关于2020年上半年市长热线网络成员单位考评情况的通报</title>", html);
        Assert.Contains("2020年6月30日", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;市城管局", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("推诿扯皮 &amp; 拖延", html);
        Assert.Contains("XY-2020-0001", html);
        Assert.Contains("U1 领导重视", html);
        Assert.Contains("市长热线办公室", html);
        Assert.Contains("@page { size: A4 landscape", html);
    }

    [Fact]
    public async Task An_approved_evaluation_exports_with_grades_and_remarks()
    {
        var (_, markup, _) = await Units();
        var id = (await App.Created("/api/evaluations", new { year = 2020 })).GetProperty("id").GetGuid();
        await App.Created($"/api/evaluations/{id}/remarks", new { unitId = markup, text = "整改=到位" }, HttpStatusCode.OK);
        await App.Created($"/api/evaluations/{id}/submit", new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } }, HttpStatusCode.OK);
        await App.Created($"/api/evaluations/{id}/approve", new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } }, HttpStatusCode.OK);

        var (csv, _) = await Download($"/api/evaluations/{id}", "text/csv");
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("\"总分\",\"等次\",\"评语\",\"单位ID\"", lines[0]);
        Assert.Contains("\"不合格\",\"整改=到位\"", lines[1]);

        var (xlsx, _) = await Download($"/api/evaluations/{id}?format=xlsx", null);
        using var stream = new MemoryStream(xlsx);
        var units = stream.Query(useHeaderRow: true, sheetName: "单位").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(("不合格", "整改=到位"), (units[0]["等次"], units[0]["评语"]));
        var people = stream.Query(useHeaderRow: true, sheetName: "个人").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("王五", Assert.Single(people)["姓名"]);

        var (html, _) = await Download($"/api/evaluations/{id}", "text/html");
        var page = Encoding.UTF8.GetString(html);
        Assert.Contains("<h1>2020年度市长热线网络成员单位考评结果</h1>", page);
        Assert.Contains("经office于", page);
        Assert.Contains("<th>等次</th><th>评语</th>", page);
    }
}
