using System.IO.Compression;
using System.Net;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Evaluation;

/// <summary>The same circular or evaluation downloads as the same bytes, in every format, however often it is asked for.</summary>
public class ExportStabilityTests(LedgerApp app) : LedgerTest(app)
{
    private async Task<byte[]> Download(string url)
    {
        using var response = await App.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task Scored()
    {
        var unit = await App.NewUnit("S1", "市城管局");
        var person = await App.NewPerson(unit, name: "王五");
        await App.Created("/api/marks", new { year = 2020, clause = "U1.1", unitId = unit, points = 9.5, reason = "r" });
        await App.Created("/api/entries", new { clause = "D1", unitId = unit, personId = person, occurredOn = "2020-05-06", points = 7, reason = "拖延", caseNumber = "XY-2020-0001" });
        await App.NewUnit("S2", "市住建局");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    [InlineData("html")]
    public async Task A_circular_and_an_evaluation_download_as_identical_bytes_twice(string format)
    {
        await Scored();
        var circular = (await App.Created("/api/circulars", new { year = 2020, asOf = "2020-06-30" })).GetProperty("id").GetGuid();
        var evaluation = (await App.Created("/api/evaluations", new { year = 2020 })).GetProperty("id").GetGuid();

        foreach (var url in new[] { $"/api/circulars/{circular}?format={format}", $"/api/evaluations/{evaluation}?format={format}" })
        {
            var first = await Download(url);
            var second = await Download(url);
            Assert.True(first.AsSpan().SequenceEqual(second), $"{url} gave different bytes on a second download");
        }
    }

    [Fact]
    public async Task The_xlsx_package_has_fixed_entry_times_and_no_random_relationship_ids()
    {
        await Scored();
        var circular = (await App.Created("/api/circulars", new { year = 2020, asOf = "2020-06-30" })).GetProperty("id").GetGuid();
        using var zip = new ZipArchive(new MemoryStream(await Download($"/api/circulars/{circular}?format=xlsx")));

        Assert.All(zip.Entries, e => Assert.Equal(1980, e.LastWriteTime.Year));
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.Ordinal) || e.FullName == "xl/workbook.xml"))
        {
            using var reader = new StreamReader(entry.Open());
            Assert.DoesNotMatch("R[0-9a-f]{32}", await reader.ReadToEndAsync());
        }
    }
}
