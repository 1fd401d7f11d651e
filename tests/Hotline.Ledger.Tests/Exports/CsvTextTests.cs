using System.Text;
using Hotline.Ledger.Cases.Feed;
using Hotline.Ledger.Exports;

namespace Hotline.Ledger.Tests.Exports;

[Trait("Category", "Domain")]
public class CsvTextTests
{
    [Fact]
    public void Every_export_writes_an_instant_to_the_microsecond_in_utc()
    {
        var at = new DateTimeOffset(2020, 5, 10, 9, 30, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567);
        Assert.Equal("2020-05-10T01:30:00.123456Z", CsvText.Instant(at));
        Assert.Equal("", CsvText.Instant((DateTimeOffset?)null));
    }

    [Fact]
    public void A_file_opens_as_utf8_in_a_spreadsheet_with_formulas_neutralised_and_signed_points_kept()
    {
        var bytes = CsvText.Write(["条款", "分值", "事由"], [["D1.1", CsvText.Points(-3m), "=HYPERLINK(\"x\")"], ["B1", CsvText.Points(2.5m), "-见附件"]]);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(
            "\"条款\",\"分值\",\"事由\"\r\n\"D1.1\",\"-3\",\"'=HYPERLINK(\"\"x\"\")\"\r\n\"B1\",\"+2.5\",\"'-见附件\"\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task A_streamed_file_is_the_same_bytes_as_a_whole_one()
    {
        var rows = Enumerable.Range(0, 3_000).Select(i => new[] { i.ToString(), new string('案', 20) }).ToList();
        using var stream = new MemoryStream();
        await CsvText.WriteAsync(stream, ["编号", "内容"], rows, CancellationToken.None);
        Assert.Equal(CsvText.Write(["编号", "内容"], rows), stream.ToArray());
    }

    [Fact]
    public void The_feed_reader_numbers_rows_by_the_line_they_start_on_across_quoted_line_breaks()
    {
        var (rows, fault) = CaseCsv.Read("\uFEFFeventId,caseNumber,type,at,result\r\nE1,\"XY\r\n2020\",assigned,2020-05-10T01:00:00Z,\r\n\r\nE2,C2\rE3,\"C,3\",completed,2020-05-11T01:00:00Z,\"so \"\"so\"\"\"\n");
        Assert.Null(fault);
        Assert.Equal([2, 5, 6], rows.Select(r => r.Line));
        Assert.Equal("XY\r\n2020", rows[0].Row!.CaseNumber);
        Assert.Contains("2 cells; the header has 5", rows[1].Fault);
        Assert.Equal(("C,3", "so \"so\""), (rows[2].Row!.CaseNumber, rows[2].Row!.Result));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("\uFEFF", "empty")]
    [InlineData(" EventId ,caseNumber,TYPE,at,colour\r\n", "'colour'")]
    [InlineData("eventId,caseNumber,type,at,EVENTID\r\n", "appears twice")]
    [InlineData("eventId,caseNumber,type\r\n", "Missing column(s) at")]
    public void A_header_fault_refuses_the_file(string text, string fault) =>
        Assert.Contains(fault, CaseCsv.Read(text).HeaderFault);
}
