using System.Net;
using System.Text;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Scoring;

/// <summary>The evidence trail names its units and people, exports as CSV by ?format=, refuses unknown subjects and pages (ADR 0069).</summary>
[Collection(ScoringCollection.Name)]
public class EvidenceFindingTests(LedgerApp app) : LedgerTest(app)
{
    private async Task<(Guid Unit, Guid Person)> Trail()
    {
        var unit = await App.NewUnit("EV-1", "市住建局");
        var person = await App.NewPerson(unit, "2020-01-01", "王芳");
        await App.Created("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = "信息被采用" });
        await App.Created("/api/entries", new { clause = "D1", unitId = unit, personId = person, occurredOn = "2020-04-04", points = 5, reason = "拖延被投诉" });
        await App.Created("/api/marks", new { year = 2020, clause = "U1.1", unitId = unit, points = 8, reason = "领导重视" });
        await App.Created("/api/marks", new { year = 2020, clause = "I1", personId = person, points = 5, reason = "政治素质好" });
        return (unit, person);
    }

    [Fact]
    public async Task Rows_carry_the_names_of_their_unit_and_person()
    {
        var (unit, person) = await Trail();
        var rows = (await App.Ok($"/api/evidence?unitId={unit}")).EnumerateArray().ToList();
        Assert.Equal(3, rows.Count); // two entries and the unit's mark
        var complaint = rows.Single(r => r.GetProperty("clause").GetString() == "D1");
        Assert.Equal(("市住建局", "王芳"), (complaint.GetProperty("unitName").GetString(), complaint.GetProperty("personName").GetString()));
        var personMark = (await App.Ok($"/api/evidence?personId={person}")).EnumerateArray().Single(r => r.GetProperty("what").GetString() == "mark");
        Assert.Equal(("王芳", JsonValueKind.Null), (personMark.GetProperty("personName").GetString(), personMark.GetProperty("unitName").ValueKind));
    }

    [Fact]
    public async Task Format_csv_gives_every_row_under_chinese_headers_as_accept_text_csv_does()
    {
        var (unit, _) = await Trail();
        using var response = await App.Client.GetAsync($"/api/evidence?unitId={unit}&format=csv&limit=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"类别\",\"编号\",\"条款\",\"分值\",\"单位编号\",\"单位名称\",\"人员编号\",\"人员姓名\"", lines[0]);
        Assert.Equal(4, lines.Length); // the header and every row: an export is not paged
        Assert.Contains(lines, l => l.Contains("\"市住建局\",") && l.Contains("\"王芳\""));

        var byAccept = await App.Send(HttpMethod.Get, $"/api/evidence?unitId={unit}", null, null, accept: "text/csv");
        Assert.Equal(Encoding.UTF8.GetString(bytes[3..]), byAccept.Text.TrimStart('\uFEFF'));
        Assert.Equal(JsonValueKind.Array, (await App.Ok($"/api/evidence?unitId={unit}&format=json")).ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Get($"/api/evidence?unitId={unit}&format=xml")).Status);
    }

    [Fact]
    public async Task An_unknown_unit_or_person_is_a_404_not_an_empty_trail()
    {
        foreach (var query in new[] { $"unitId={Guid.NewGuid()}", $"personId={Guid.NewGuid()}" })
        {
            var reply = await App.Get($"/api/evidence?{query}");
            Assert.True(reply.Status == HttpStatusCode.NotFound, $"{query} answered {(int)reply.Status}: {reply.Text}");
            Assert.Equal("application/problem+json", reply.MediaType);
        }
    }

    [Fact]
    public async Task The_trail_pages_like_the_entries()
    {
        var (unit, _) = await Trail();
        var all = (await App.Ok($"/api/evidence?unitId={unit}")).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();

        var seen = new List<Guid>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await App.Ok($"/api/evidence?unitId={unit}&limit=2{(next is null ? "" : $"&after={next}")}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
            next = page.GetProperty("next").GetString();
            pages++;
        } while (next is not null);

        Assert.Equal(2, pages);
        Assert.Equal(all, seen);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Get($"/api/evidence?unitId={unit}&limit=1001")).Status);
    }
}
