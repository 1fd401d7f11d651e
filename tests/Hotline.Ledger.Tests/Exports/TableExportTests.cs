using System.IO.Compression;
using System.Net;
using System.Text;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Exports;

/// <summary>The lists the screens show, downloaded as CSV and XLSX from the API itself (ADR 0082).</summary>
public class TableExportTests(LedgerApp app) : LedgerTest(app)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Every_list_downloads_as_csv_with_chinese_headings_and_as_the_same_xlsx_bytes_twice()
    {
        var unit = await App.NewUnit(name: "市民政局");
        var person = await App.NewPerson(unit, name: "韩梅");
        var entry = await App.Created("/api/entries", new { clause = "D1", unitId = unit, personId = person, occurredOn = "2020-03-02", points = 6, reason = "养老服务投诉拖延" });
        await App.Created("/api/appeals", new { entryId = entry.GetProperty("id").GetGuid(), reason = "已整改" });
        await App.Created($"/api/units/{unit}/monthly-reports", new { month = "2020-03", summary = "三月工作小结" });
        await App.Created($"/api/units/{unit}/self-checks", new { month = "2020-03", items = new[] { new { clause = "U1.1", points = 9m, note = "自评" } }, summary = "三月自查" });

        var lists = new (string Path, string Heading, string Content)[]
        {
            ($"/api/entries?unitId={unit}", "条款内容", "养老服务投诉拖延"),
            ("/api/units", "单位名称", "市民政局"),
            ($"/api/people?unitId={unit}", "现所在单位", "韩梅"),
            ($"/api/people/{person}", "单位名称", "市民政局"),
            ($"/api/units/{unit}/score?year=2020", "考评内容", "总分"),
            ($"/api/people/{person}/score?year=2020", "满分", "总分"),
            ($"/api/units/{unit}/monthly-reports?year=2020", "工作小结", "三月工作小结"),
            ($"/api/units/{unit}/self-checks?year=2020", "自评明细", "U1.1 9（自评）"),
            ($"/api/appeals?unitId={unit}", "申诉理由", "已整改"),
            ("/api/warnings?asOf=2020-12-31", "级别", ""),
            ($"/api/evidence?unitId={unit}", "条款", "养老服务投诉拖延"),
        };
        var http = App.ClientFor(LedgerApp.DefaultUser, LedgerApp.DefaultRoles);
        foreach (var (path, heading, content) in lists)
        {
            var csv = await Download(http, path, "csv");
            Assert.Equal("text/csv", csv.Type);
            var text = Encoding.UTF8.GetString(csv.Body);
            Assert.StartsWith("\uFEFF", text);
            Assert.Contains($"\"{heading}\"", text.Split("\r\n")[0]);
            Assert.Contains(content, text);

            var first = await Download(http, path, "xlsx");
            Assert.Equal(Xlsx, first.Type);
            Assert.Equal(first.Body, (await Download(http, path, "xlsx")).Body);
            var sheets = Texts(first.Body);
            Assert.Contains(heading, sheets);
            Assert.Contains(content, sheets);
        }

        // Accept asks the same as ?format=.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/units/{unit}/monthly-reports?year=2020");
        request.Headers.Accept.ParseAdd("text/csv");
        using var byAccept = await http.SendAsync(request);
        Assert.Equal("text/csv", byAccept.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_entries_download_is_every_entry_the_filters_find_not_a_page()
    {
        var unit = await App.NewUnit();
        for (var i = 1; i <= 3; i++)
            await App.Created("/api/entries", new { clause = "B2.1", unitId = unit, occurredOn = $"2020-04-0{i}", reason = $"致谢{i}" });
        var http = App.ClientFor(LedgerApp.DefaultUser, LedgerApp.DefaultRoles);

        var text = Encoding.UTF8.GetString((await Download(http, $"/api/entries?unitId={unit}&limit=1&from=2020-04-02", "csv")).Body);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain("致谢1", text);
        Assert.Contains("\"+2\"", lines[1]);
    }

    [Fact]
    public async Task A_liaison_downloads_their_own_units_rows_only_and_an_unknown_format_is_refused()
    {
        var own = await App.NewUnit("OWN" + Guid.NewGuid().ToString("N")[..5], "市文化广电和旅游局");
        var other = await App.NewUnit(name: "市医疗保障局");
        await App.Created("/api/entries", new { clause = "D1", unitId = other, occurredOn = "2020-03-02", points = 5, reason = "医保的记录" });
        var ownCode = (await App.Ok($"/api/units/{own}")).GetProperty("code").GetString()!;
        var liaison = App.ClientFor("liaison", [Roles.Liaison], ownCode);

        foreach (var path in new[] { "/api/entries", "/api/units", "/api/people", "/api/appeals", "/api/warnings" })
        {
            var text = Texts((await Download(liaison, path, "xlsx")).Body) + Encoding.UTF8.GetString((await Download(liaison, path, "csv")).Body);
            Assert.DoesNotContain("医保的记录", text);
            Assert.DoesNotContain("市医疗保障局", text);
        }

        using var refused = await liaison.GetAsync($"/api/entries?unitId={other}&format=csv");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{refused.StatusCode}");
        var bad = await App.Get($"/api/units?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.NotEmpty(bad.ErrorsFor("format"));
    }

    private static async Task<(string? Type, byte[] Body)> Download(HttpClient http, string path, string format)
    {
        using var reply = await http.GetAsync(path + (path.Contains('?') ? "&" : "?") + "format=" + format);
        var body = await reply.Content.ReadAsByteArrayAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, $"{path} as {format}: {(int)reply.StatusCode} {Encoding.UTF8.GetString(body)}");
        return (reply.Content.Headers.ContentType?.MediaType, body);
    }

    /// <summary>Every XML part of a workbook, one string (the cells and headings are in them as text).</summary>
    private static string Texts(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var part in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(part.Open());
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }
}
