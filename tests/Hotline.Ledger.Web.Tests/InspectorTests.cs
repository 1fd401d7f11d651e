using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hotline.Ledger.Web.Tests.Support;
using Microsoft.Playwright;

namespace Hotline.Ledger.Web.Tests;

/// <summary>The inspector (纪检监察): the evidence trail by clause, its downloads, a referral's bundle, and their own reads on file.</summary>
[Collection(SecondWebCollection.Name)]
public sealed class InspectorTests(WebApp app)
{
    /// <summary>A year no other browser test evaluates: the referral round is once per year.</summary>
    private const int Year = 2023;

    [Fact]
    public async Task An_inspector_filters_the_evidence_by_clause_downloads_the_csv_and_a_bundle_and_every_view_is_audited()
    {
        var unit = await app.NewUnit("市住房和城乡建设局", person: "周强");
        var caseNumber = "XY-" + unit.Code + "-0303";
        var serious = await app.Created("/api/entries", new
        {
            clause = "D3.2", unitId = unit.Unit, occurredOn = $"{Year}-03-03", reason = "虚报办结情况", caseNumber,
            evidence = new[] { new { title = "回访录音", reference = "oa://tape/303", sha256 = new string('a', 64) } },
        });
        await app.Created("/api/entries", new { clause = "D1", unitId = unit.Unit, occurredOn = $"{Year}-05-05", points = 5, reason = "群众投诉推诿" });
        var fed = await app.Office.PostAsJsonAsync("/api/cases/events", new
        {
            events = new object[]
            {
                new { eventId = caseNumber + "-1", caseNumber, type = "assigned", at = $"{Year}-03-01T01:00:00Z", unitId = unit.Unit, replyDueAt = $"{Year}-03-04T01:00:00Z", completionDueAt = $"{Year}-03-20T01:00:00Z" },
                new { eventId = caseNumber + "-2", caseNumber, type = "replied", at = $"{Year}-03-02T01:00:00Z" },
            },
        });
        Assert.True(fed.IsSuccessStatusCode, await fed.Content.ReadAsStringAsync());
        var appeal = await app.Created("/api/appeals", new { entryId = serious.GetProperty("id").GetGuid(), reason = "办结情况属实，有回访记录" });
        var decided = await app.Office.PostAsJsonAsync($"/api/appeals/{appeal.GetProperty("id").GetGuid()}/decision", new { outcome = "rejected", reason = "经核查回访录音，扣分成立" });
        Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
        await ApproveYearAndRefer();

        var inspector = "纪检监察员老刘" + unit.Code;
        var page = await app.SignedIn(inspector, "inspector");
        await page.GotoAsync("/");
        await page.ClickAsync("nav >> text=证据链");
        await page.WaitForURLAsync("**/inspect");
        await page.SelectOptionAsync("#f-unit", unit.Unit.ToString());
        await page.SelectOptionAsync("#f-clause", "D3.2");
        await page.ClickAsync("[data-test=search]");
        await page.Locator("[data-test=trail]").WaitForAsync();

        // Only D3.2: the entry, the appeal against it and its decision; the D1 of the same unit is not among them.
        var rows = page.Locator("[data-test=trail-row]");
        Assert.Equal(3, await rows.CountAsync());
        var trail = await page.InnerTextAsync("[data-test=trail]");
        Assert.Contains("虚报办结情况", trail);
        Assert.Contains("办结情况属实，有回访记录", trail);
        Assert.DoesNotContain("群众投诉推诿", trail);
        Assert.Contains("本次查阅已记入查阅审计", await page.InnerTextAsync("[data-test=read-audited]"));
        // The reader's own latest reads show this very search.
        Assert.Contains("clause=D3.2", await page.InnerTextAsync("[data-test=my-reads]"));
        await WebApp.Screenshot(page, "inspector-evidence");

        // On paper (A4): the rows and the audit line, not the filters or the buttons.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator("[data-test=evidence-filters]").IsVisibleAsync());
        Assert.False(await page.Locator("[data-test=export-csv]").IsVisibleAsync());
        Assert.True(await page.Locator("[data-test=trail]").IsVisibleAsync());
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await page.PdfAsync(new PagePdfOptions { Format = "A4" }), 0, 4));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        var csv = await Downloaded(page, "[data-test=export-csv]");
        var text = Encoding.UTF8.GetString(csv);
        Assert.StartsWith("\uFEFF\"类别\"", text);
        Assert.Contains("虚报办结情况", text);
        Assert.DoesNotContain("群众投诉推诿", text);
        Assert.Equal(4, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var xlsx = await Downloaded(page, "[data-test=export-xlsx]");
        using (var workbook = new ZipArchive(new MemoryStream(xlsx)))
            Assert.Contains(workbook.Entries, e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));

        // Each row opens its entry, its case's timeline and its appeal.
        var entryRow = page.Locator("[data-test=trail-row][data-what=entry]");
        await entryRow.Locator("[data-test=open-case]").ClickAsync();
        await page.WaitForURLAsync($"**/cases/{caseNumber}");
        Assert.Contains("交办", await page.InnerTextAsync("[data-test=timeline]"));
        Assert.Contains("查阅审计", await page.InnerTextAsync("[data-test=read-audited]"));
        await page.GoBackAsync();
        await entryRow.Locator("[data-test=open-appeal]").ClickAsync();
        await page.WaitForURLAsync($"**/appeals/{appeal.GetProperty("id").GetGuid()}");
        var shown = await page.InnerTextAsync("[data-test=appeal]");
        Assert.Contains("办结情况属实，有回访记录", shown);
        Assert.Contains("经核查回访录音，扣分成立", shown);
        await page.ClickAsync("[data-test=appeal-entry]");
        await page.WaitForURLAsync($"**/entries/{serious.GetProperty("id").GetGuid()}");
        Assert.Contains("查阅审计", await page.InnerTextAsync("[data-test=read-audited]"));

        // The referral, its grounds, and its bundle.
        await page.GotoAsync($"/inspect/referrals?year={Year}");
        var referral = page.Locator("[data-test=referral]", new PageLocatorOptions { HasText = "市住房和城乡建设局" }).First;
        Assert.Contains("D3.2", await referral.Locator("[data-test=grounds]").InnerTextAsync());
        await WebApp.Screenshot(page, "inspector-referrals");
        var bundle = await Downloaded(page, $"[data-referral='{await referral.GetAttributeAsync("data-referral")}'] [data-test=bundle]");
        using (var zip = new ZipArchive(new MemoryStream(bundle)))
        {
            Assert.Equal(["SHA256SUMS", "entries.csv", "evidence.csv", "referral.html", "referral.json"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            using var html = new StreamReader(zip.GetEntry("referral.html")!.Open());
            Assert.Contains("市住房和城乡建设局", await html.ReadToEndAsync());
        }

        // Everything the inspector opened is in the read audit, under their name.
        var reads = await Reads(inspector);
        Assert.Superset(new HashSet<string> { "evidenceTrail", "case", "appeal", "entry", "referral", "export" }, reads.Select(r => r.GetProperty("kind").GetString()!).ToHashSet());
        Assert.Contains(reads, r => r.GetProperty("kind").GetString() == "export" && r.GetProperty("path").GetString()!.EndsWith("/bundle", StringComparison.Ordinal));
        await page.GotoAsync("/inspect/reads");
        var listed = await page.InnerTextAsync("[data-test=reads]");
        Assert.Contains("证据包导出", listed);
        Assert.Contains("案件", listed);
        await WebApp.Screenshot(page, "inspector-reads");
    }

    [Fact]
    public async Task The_inspectors_screens_refuse_an_assessor_and_a_liaison()
    {
        var own = await app.NewUnit("市水利局");
        var assessor = await app.SignedIn("评分员小钱", "assessor");
        foreach (var path in new[] { "/inspect", "/inspect/referrals", "/inspect/reads" })
        {
            var response = await assessor.GotoAsync(path);
            Assert.True(response!.Status == 403, $"{path}: {response.Status}");
            Assert.Contains("无权查看", await assessor.InnerTextAsync("[data-test=refusal]"));
        }

        Assert.Equal(0, await assessor.Locator("nav >> text=证据链").CountAsync());
        var liaison = await app.SignedIn("联络员小吴", "liaison", own.Code);
        foreach (var path in new[] { "/inspect", $"/inspect?unitId={own.Unit}", "/inspect/referrals", "/inspect/reads" })
            Assert.Equal(403, (await liaison.GotoAsync(path))!.Status);
    }

    private async Task ApproveYearAndRefer()
    {
        var evaluation = await app.Created("/api/evaluations", new { year = Year });
        var id = evaluation.GetProperty("id").GetGuid();
        var incomplete = new { @override = new { reason = "浏览器测试：评分未齐，按现有结果办理" } };
        var submitted = await app.Office.PostAsJsonAsync($"/api/evaluations/{id}/submit", incomplete);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        using var leader = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        leader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WebApp.Token("领导老王", ["leader"]));
        var approved = await leader.PostAsJsonAsync($"/api/evaluations/{id}/approve", incomplete);
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        await app.Created("/api/referrals", new { year = Year });
    }

    private async Task<List<JsonElement>> Reads(string reader)
    {
        using var auditor = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        auditor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WebApp.Token("审计员", ["auditor"]));
        var reads = await auditor.GetFromJsonAsync<JsonElement>($"/api/audit/reads?reader={Uri.EscapeDataString(reader)}&limit=200");
        return reads.EnumerateArray().ToList();
    }

    private static async Task<byte[]> Downloaded(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector));
        Assert.Null(await download.FailureAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
