using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Integrity;
using Hotline.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Ledger.Tests.Evaluation;

public class CircularTests(LedgerApp app) : LedgerTest(app)
{
    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("O");

    private async Task<JsonElement> Entry(string clause, Guid unit, Guid? person = null, decimal? points = null, string occurredOn = "2020-05-10", string? caseNumber = null) =>
        await App.Created("/api/entries", new { clause, unitId = unit, personId = person, occurredOn, points, reason = $"{clause} 事由", caseNumber });

    /// <summary>A small city: two units, one person, marks, bonuses and deductions before 30 June (and one after).</summary>
    private async Task<(Guid Water, Guid Power, Guid Person, DateTimeOffset KnownAt)> City()
    {
        var water = await App.NewUnit("WATER", "市水利局");
        var power = await App.NewUnit("POWER", "市供电公司");
        var person = await App.NewPerson(power, name: "李四");
        await App.Created("/api/marks", new { year = 2020, clause = "U1.1", unitId = water, points = 9, reason = "r" });
        await App.Created("/api/marks", new { year = 2020, clause = "U1.2", unitId = water, points = 8, reason = "r" });
        await App.Created("/api/marks", new { year = 2020, clause = "U3.1", unitId = power, points = 7, reason = "r" });
        await App.Created("/api/marks", new { year = 2020, clause = "I3", personId = person, points = 9, reason = "r" });
        await Entry("B2.3", water, occurredOn: "2020-03-01");
        await Entry("D1", power, person, points: 6, occurredOn: "2020-04-02", caseNumber: "XY-2020-0107");
        await Entry("D3.1", power, occurredOn: "2020-06-30", caseNumber: "XY-2020-0233");
        var last = await Entry("D1", water, points: 5, occurredOn: "2020-07-02"); // after 30 June: not in the half-year
        return (water, power, person, last.GetProperty("recordedAt").GetDateTimeOffset());
    }

    private Task<JsonElement> Issue(DateTimeOffset knownAt, string asOf = "2020-06-30") =>
        App.Created("/api/circulars", new { year = 2020, asOf, knownAt = Iso(knownAt) });

    [Fact]
    public async Task A_circular_ranks_units_and_people_with_subtotals_and_names_the_causes_of_each_deduction()
    {
        var (water, power, person, knownAt) = await City();
        // Marks given now for 2020 are dated 31 December (the year is over), so this table is as of the year's end.
        var circular = await Issue(knownAt, asOf: "2020-12-31");

        Assert.Equal((2020, "2020-12-31", "xinyang-2019"),
            (circular.GetProperty("year").GetInt32(), circular.GetProperty("asOf").GetString(), circular.GetProperty("rulebook").GetString()));
        Assert.Equal(knownAt, circular.GetProperty("knownAt").GetDateTimeOffset());
        // The ledger's head digest through the circular's last sequence (docs/security.md), which a printed copy is checked against.
        var digest = circular.GetProperty("digest").GetString();
        var lastSequence = circular.GetProperty("lastSequence").GetInt64();
        Assert.Equal((await App.Host.Services.GetRequiredService<LedgerIntegrity>().HeadThroughAsync(lastSequence)).Digest, digest);
        var check = await App.Ok($"/api/integrity?sequence={lastSequence}&digest={digest}");
        Assert.True(check.GetProperty("published").GetProperty("matches").GetBoolean(), check.ToString());
        Assert.Equal(64, circular.GetProperty("sha256").GetString()!.Length);
        Assert.Equal("office", circular.GetProperty("issuedBy").GetString());

        var units = circular.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(["WATER", "POWER"], units.Select(u => u.GetProperty("code").GetString()));
        Assert.Equal([1, 2], units.Select(u => u.GetProperty("rank").GetInt32()));
        var w = units[0];
        Assert.Equal((water, "市水利局", 17m, 17m, 5m, -5m),
            (w.GetProperty("unitId").GetGuid(), w.GetProperty("name").GetString(), w.GetProperty("total").GetDecimal(),
                w.GetProperty("criteriaTotal").GetDecimal(), w.GetProperty("bonusTotal").GetDecimal(), w.GetProperty("deductionTotal").GetDecimal()));
        Assert.Equal(17m, w.GetProperty("subtotals").EnumerateArray().Single(s => s.GetProperty("clause").GetString() == "U1").GetProperty("points").GetDecimal());
        Assert.Equal(JsonValueKind.Null, w.GetProperty("subtotals").EnumerateArray().Single(s => s.GetProperty("clause").GetString() == "U2").GetProperty("points").ValueKind);
        Assert.Equal(13, w.GetProperty("criteria").GetArrayLength());

        var p = units[1];
        Assert.Equal((power, -4m, -11m), (p.GetProperty("unitId").GetGuid(), p.GetProperty("total").GetDecimal(), p.GetProperty("deductionTotal").GetDecimal()));
        var causes = p.GetProperty("deductions").EnumerateArray().ToList();
        Assert.Equal([("D1", -6m, "XY-2020-0107"), ("D3.1", -5m, "XY-2020-0233")],
            causes.Select(c => (c.GetProperty("clause").GetString(), c.GetProperty("points").GetDecimal(), c.GetProperty("caseNumber").GetString())));
        Assert.Equal(person, causes[0].GetProperty("personId").GetGuid());
        Assert.Equal("D1 事由", causes[0].GetProperty("reason").GetString());

        var people = circular.GetProperty("people").EnumerateArray().ToList();
        var li = Assert.Single(people);
        // 3 from entries and marks, and I7 computed from one complaint (D1): 5 of its 10 (ADR 0022).
        Assert.Equal(("李四", "POWER", "市供电公司", 8m, 1), (li.GetProperty("name").GetString(), li.GetProperty("unitCode").GetString(),
            li.GetProperty("unitName").GetString(), li.GetProperty("total").GetDecimal(), li.GetProperty("rank").GetInt32()));
        Assert.Single(li.GetProperty("deductions").EnumerateArray());

        // As of 30 June neither the July deduction nor the marks dated 31 December count.
        var halfYear = (await Issue(knownAt)).GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetGuid() == water);
        Assert.Equal((5m, 0m, 0m), (halfYear.GetProperty("total").GetDecimal(), halfYear.GetProperty("criteriaTotal").GetDecimal(), halfYear.GetProperty("deductionTotal").GetDecimal()));

        // What is stored still hashes to what the issuing event carries: the round trip through the store is canonical.
        await using (var session = App.Store.QuerySession())
        {
            var stored = await session.LoadAsync<StoredSheet>(circular.GetProperty("id").GetGuid());
            Assert.Equal(circular.GetProperty("sha256").GetString(), SheetJson.Sha256(stored!.Sheet));
        }

        // lastSequence is where the ledger stood: the last event at or before knownAt (the July entry).
        Assert.Equal(await SequenceOfLastEventAt(knownAt), circular.GetProperty("lastSequence").GetInt64());
    }

    [Fact]
    public async Task Issuing_again_with_the_same_parameters_reproduces_the_circular_byte_for_byte()
    {
        var (water, _, _, knownAt) = await City();
        var first = await Issue(knownAt);

        // The ledger moves on: a late June deduction, a rescission, a new unit, a mark.
        await Entry("D2", water, points: 8, occurredOn: "2020-06-15");
        var b1 = (await App.Ok($"/api/evidence?unitId={water}&clause=B2.3"))[0].GetProperty("id").GetGuid();
        await App.Created($"/api/entries/{b1}/rescind", new { reason = "撤销" }, HttpStatusCode.OK);
        await App.NewUnit("LATE", "后设单位");
        await App.Created("/api/marks", new { year = 2020, clause = "U2.1", unitId = water, points = 4, reason = "r" });

        var second = await Issue(knownAt);
        Assert.NotEqual(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.Equal(first.GetProperty("sha256").GetString(), second.GetProperty("sha256").GetString());
        Assert.Equal(Content(first), Content(second));

        foreach (var table in new[] { "units", "people", "deductions" })
        {
            var a = await Bytes($"/api/circulars/{first.GetProperty("id").GetGuid()}?table={table}", "text/csv");
            var b = await Bytes($"/api/circulars/{second.GetProperty("id").GetGuid()}?table={table}", "text/csv");
            Assert.Equal(a, b);
        }

        // As the ledger stands now, the same half-year reads differently.
        var now = await App.Created("/api/circulars", new { year = 2020, asOf = "2020-06-30" });
        Assert.NotEqual(first.GetProperty("sha256").GetString(), now.GetProperty("sha256").GetString());
        Assert.Equal(3, now.GetProperty("units").GetArrayLength());
    }

    [Fact]
    public async Task Later_entries_never_change_an_issued_circular()
    {
        var (water, power, _, _) = await City();
        var issued = await App.Created("/api/circulars", new { year = 2020 });
        Assert.Equal("2020-06-30", issued.GetProperty("asOf").GetString());
        var url = $"/api/circulars/{issued.GetProperty("id").GetGuid()}";
        var before = (await App.Get(url)).Text;
        var csvBefore = await Bytes(url, "text/csv");

        await Entry("D3.2", power, occurredOn: "2020-06-01");
        await Entry("B1", water, occurredOn: "2020-02-01");
        var d31 = (await App.Ok($"/api/evidence?unitId={power}&clause=D3.1"))[0].GetProperty("id").GetGuid();
        await App.Created($"/api/entries/{d31}/rescind", new { reason = "已说明" }, HttpStatusCode.OK);

        Assert.Equal(before, (await App.Get(url)).Text);
        Assert.Equal(csvBefore, await Bytes(url, "text/csv"));
        var listed = (await App.Ok("/api/circulars?year=2020")).EnumerateArray().Single();
        Assert.Equal(issued.GetProperty("sha256").GetString(), listed.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Bad_parameters_are_refused_and_unknown_circulars_are_404()
    {
        await Refused(() => App.Post("/api/circulars", new { year = 2020, knownAt = Iso(DateTimeOffset.UtcNow.AddDays(1)) }), HttpStatusCode.BadRequest, "knownAt");
        await Refused(() => App.Post("/api/circulars", new { year = 2020, asOf = "2021-06-30" }), HttpStatusCode.BadRequest, "asOf");
        await Refused(() => App.Post("/api/circulars", new { year = 1999 }), HttpStatusCode.BadRequest, "year");
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/circulars/{Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Get($"/api/circulars/{Guid.NewGuid()}?format=pdf")).Status);
    }

    /// <summary>The content of an issue: everything but the issue's own id, time and issuer.</summary>
    private static string Content(JsonElement circular)
    {
        var node = JsonNode.Parse(circular.GetRawText())!.AsObject();
        node.Remove("id");
        node.Remove("issuedAt");
        node.Remove("issuedBy");
        return node.ToJsonString();
    }

    private async Task<byte[]> Bytes(string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept", accept } } };
        using var response = await App.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<long> SequenceOfLastEventAt(DateTimeOffset knownAt)
    {
        await using var conn = new Npgsql.NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            $"select seq_id from \"{App.Schema}\".mt_events where type <> 'tombstone' and timestamp <= $1 order by timestamp desc, seq_id desc limit 1", conn);
        cmd.Parameters.AddWithValue(knownAt);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
