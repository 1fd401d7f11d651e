using System.Net;
using System.Text;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Scoring;

[Collection(ScoringCollection.Name)]
public class EvidenceTests(LedgerApp app) : LedgerTest(app)
{
    [Fact]
    public async Task The_trail_lists_entries_and_marks_in_recorded_order_with_rescissions()
    {
        var unit = await App.NewUnit();
        var person = await App.NewPerson(unit);
        var complaint = await App.Created("/api/entries", new
        {
            clause = "D1", unitId = unit, personId = person, occurredOn = "2020-04-01", points = 6, reason = "拖延办理被投诉",
            evidence = new[] { new { title = "投诉件", reference = "TS-2020-001", sha256 = new string('a', 64) } },
        });
        await App.Created("/api/marks", new { year = 2020, clause = "U1.1", unitId = unit, points = 8, reason = "考核" });
        await App.Created($"/api/entries/{complaint.GetProperty("id").GetGuid()}/rescind", new { reason = "复核不实" }, HttpStatusCode.OK);
        var otherUnit = await App.NewUnit();
        await App.Created("/api/entries", new { clause = "B1", unitId = otherUnit, occurredOn = "2020-04-01", reason = "other" });

        var rows = (await App.Ok($"/api/evidence?unitId={unit}")).EnumerateArray().ToList();
        Assert.Equal(["entry", "mark"], rows.Select(r => r.GetProperty("what").GetString()));
        Assert.Equal("rescinded", rows[0].GetProperty("status").GetString());
        Assert.Equal("复核不实", rows[0].GetProperty("rescission").GetProperty("reason").GetString());
        Assert.Equal("TS-2020-001", rows[0].GetProperty("evidence")[0].GetProperty("reference").GetString());
        Assert.Equal("office", rows[0].GetProperty("recordedBy").GetString());

        var personRows = (await App.Ok($"/api/evidence?personId={person}")).EnumerateArray().ToList();
        Assert.Single(personRows);

        // Before the rescission was recorded, the trail shows the entry as active.
        var knownAt = Uri.EscapeDataString(complaint.GetProperty("recordedAt").GetDateTimeOffset().UtcDateTime.ToString("O"));
        var then = (await App.Ok($"/api/evidence?unitId={unit}&knownAt={knownAt}")).EnumerateArray().ToList();
        Assert.Single(then);
        Assert.Equal("active", then[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Filters_by_clause_and_dates()
    {
        var unit = await App.NewUnit();
        await App.Created("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-02-01", reason = "a" });
        await App.Created("/api/entries", new { clause = "B2.1", unitId = unit, occurredOn = "2020-05-01", reason = "b" });
        await App.Created("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-09-01", reason = "c" });

        Assert.Equal(2, (await App.Ok($"/api/evidence?unitId={unit}&clause=B1")).GetArrayLength());
        Assert.Equal(2, (await App.Ok($"/api/evidence?unitId={unit}&from=2020-03-01")).GetArrayLength());
        Assert.Equal(1, (await App.Ok($"/api/evidence?unitId={unit}&from=2020-03-01&to=2020-06-30")).GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Get($"/api/evidence?unitId={unit}&from=2020-31-01")).Status);
        // A malformed id must not widen the trail to every unit.
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Get("/api/evidence?unitId=not-a-guid")).Status);
    }

    [Fact]
    public async Task The_csv_opens_in_a_spreadsheet_with_chinese_text_and_no_formulas()
    {
        var unit = await App.NewUnit();
        await App.Created("/api/entries", new { clause = "D1", unitId = unit, occurredOn = "2020-04-01", points = 5, reason = "=HYPERLINK(\"http://x\")" });
        await App.Created("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-04-02", reason = "市民致谢, \"很好\"" });

        var reply = await App.Send(HttpMethod.Get, $"/api/evidence?unitId={unit}", null, null, accept: "text/csv");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("text/csv", reply.MediaType);

        var bytes = await (await App.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/evidence?unitId={unit}") { Headers = { { "Accept", "text/csv" } } })).Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"类别\",\"编号\",\"条款\",\"分值\"", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", lines[1]);
        Assert.Contains("\"-5\"", lines[1]);
        Assert.Contains("\"市民致谢, \"\"很好\"\"\"", lines[2]);
    }
}
