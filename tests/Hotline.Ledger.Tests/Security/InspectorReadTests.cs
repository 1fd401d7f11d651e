using System.Net;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;
using MiniExcelLibs;

namespace Hotline.Ledger.Tests.Security;

/// <summary>What the inspector opens is on file: a case's timeline and an appeal; and the evidence trail downloads as a workbook.</summary>
[Collection(SecurityCollection.Name)]
public class InspectorReadTests(LedgerApp app) : LedgerTest(app)
{
    private Caller Inspector => App.As("inspector-lin", [Roles.Inspector]);

    [Fact]
    public async Task Opening_a_case_and_an_appeal_is_recorded_with_its_subject_and_appends_nothing()
    {
        var unit = await App.NewUnit("INS-1");
        var person = await App.NewPerson(unit);
        await App.Created("/api/cases/events", new
        {
            events = new[] { new { eventId = "INS-1-1", caseNumber = "INS-2020-1", type = "assigned", at = "2020-03-01T01:00:00Z", unitId = unit, personId = person } },
        }, HttpStatusCode.OK);
        var entry = await App.Created("/api/entries", new { clause = "D1", unitId = unit, personId = person, occurredOn = "2020-03-03", points = 5, reason = "拖延" });
        var appeal = await App.Created("/api/appeals", new { entryId = entry.GetProperty("id").GetGuid(), reason = "已按时办结" });
        var events = await App.EventCount();

        Assert.Equal(HttpStatusCode.OK, (await Inspector.Get("/api/cases/INS-2020-1")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Inspector.Get($"/api/appeals/{appeal.GetProperty("id").GetGuid()}")).Status);
        // An unknown case is not a read of anyone's records.
        Assert.Equal(HttpStatusCode.NotFound, (await Inspector.Get("/api/cases/INS-2020-404")).Status);

        Assert.Equal(events, await App.EventCount());
        var reads = (await App.As("auditor-he", [Roles.Auditor]).Get("/api/audit/reads?reader=inspector-lin")).Json.EnumerateArray().ToList();
        Assert.Equal(["appeal", "case"], reads.Select(r => r.GetProperty("kind").GetString()).Order());
        Assert.All(reads, r => Assert.Equal((unit, person), (r.GetProperty("unitId").GetGuid(), r.GetProperty("personId").GetGuid())));
        Assert.Equal("/api/cases/INS-2020-1", reads.Single(r => r.GetProperty("kind").GetString() == "case").GetProperty("path").GetString());
    }

    [Fact]
    public async Task The_evidence_trail_downloads_as_a_workbook_with_the_csvs_headers_and_points_as_numbers()
    {
        var unit = await App.NewUnit("INS-2", "市住建局");
        await App.Created("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = "信息被采用" });
        await App.Created("/api/entries", new { clause = "D1", unitId = unit, occurredOn = "2020-04-04", points = 5, reason = "=拖延被投诉" });

        using var response = await Inspector.Client.GetAsync($"/api/evidence?unitId={unit}&clause=D1&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, sheetName: "证据链").Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(("D1", "市住建局"), (row["条款"], row["单位名称"]));
        Assert.Equal(-5m, Convert.ToDecimal(row["分值"], System.Globalization.CultureInfo.InvariantCulture));
        // Text that looks like a formula stays text: the sheet holds no formula cell at all.
        Assert.Equal("=拖延被投诉", row["事由"]);
        using (var package = new System.IO.Compression.ZipArchive(new MemoryStream(stream.ToArray())))
        {
            var sheets = package.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(sheets);
            foreach (var sheet in sheets)
            {
                using var reader = new StreamReader(sheet.Open());
                var xml = await reader.ReadToEndAsync();
                Assert.DoesNotContain("<f>", xml);
                Assert.DoesNotContain("<x:f>", xml);
            }
        }

        var reads = (await App.As("auditor-he", [Roles.Auditor]).Get($"/api/audit/reads?reader=inspector-lin&unitId={unit}")).Json.EnumerateArray();
        Assert.Equal("evidenceTrail", Assert.Single(reads).GetProperty("kind").GetString());
        var unknown = await Inspector.Get($"/api/evidence?unitId={unit}&format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("xlsx", unknown.Text);
    }
}
