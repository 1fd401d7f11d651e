using System.Net;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Cases;

public class WarningTests(CaseFeedApp app) : CaseFeedTest(app)
{
    private async Task<List<JsonElement>> Warnings(string? asOf = null) =>
        (await App.Ok("/api/warnings" + (asOf is null ? "" : $"?asOf={Uri.EscapeDataString(asOf)}"))).GetProperty("warnings").EnumerateArray().ToList();

    [Fact]
    public async Task A_liaison_gets_the_warnings_of_their_own_unit_and_its_people_only()
    {
        var year = Stage();
        MoveTo(Local(year, 5, 10, 12));
        var own = await App.NewUnit("OWN-W");
        var other = await App.NewUnit("OTHER-W");
        var ownPerson = await App.NewPerson(own);
        var otherPerson = await App.NewPerson(other);
        // A D1 against a person costs I7 points: a warning about that person, counted for their unit.
        foreach (var (unit, person) in new[] { (own, ownPerson), (other, otherPerson) })
            await App.Created("/api/entries", new { clause = "D1", unitId = unit, personId = person, occurredOn = $"{year}-05-10", points = 5, reason = "群众投诉拖延" });
        Assert.Contains(await Warnings(), w => w.GetProperty("personId").ValueKind != JsonValueKind.Null && w.GetProperty("personId").GetGuid() == otherPerson);

        var liaison = await App.AsLiaison("OWN-W").Get("/api/warnings");
        Assert.Equal(HttpStatusCode.OK, liaison.Status);
        var seen = liaison.Json.GetProperty("warnings").EnumerateArray().ToList();
        Assert.Contains(seen, w => w.GetProperty("personId").ValueKind != JsonValueKind.Null && w.GetProperty("personId").GetGuid() == ownPerson);
        Assert.All(seen, w => Assert.Equal(own, w.GetProperty("unitId").GetGuid()));
    }

    [Fact]
    public async Task Warnings_light_up_reports_due_cases_due_or_overdue_and_rates_below_target_each_with_its_reason()
    {
        var year = Stage();
        var reporting = await App.NewUnit("REPORTS");
        MoveTo(Local(year, 5, 1));
        var unit = await App.NewUnit("LIGHTS");
        var person = await App.NewPerson(unit);

        // 3 May: April's report is due by the 5th; only the unit that was registered in April owes it.
        MoveTo(Local(year, 5, 3, 10));
        var report = Assert.Single(await Warnings());
        Assert.Equal(("monthlyReport", "yellow", reporting, $"{year}-04"), (report.GetProperty("kind").GetString(), report.GetProperty("level").GetString(),
            report.GetProperty("unitId").GetGuid(), report.GetProperty("month").GetString()));
        Assert.Contains($"应于 {year}-05-05 前报送", report.GetProperty("reason").GetString());
        await App.Created($"/api/units/{reporting}/monthly-reports", new { month = $"{year}-04", summary = "四月" });
        Assert.Empty(await Warnings());

        MoveTo(Local(year, 5, 10, 20, 30));
        var at = Local(year, 5, 10, 9);
        await Ingest(
            Row("W1", "W-1", "assigned", at, unit, person, at.AddDays(1)), Row("W1r", "W-1", "replied", at.AddHours(1)),
            Row("W2", "W-2", "assigned", at.AddHours(1), unit, replyDueAt: Local(year, 5, 11, 9)),
            Row("W3", "W-3", "assigned", Local(year, 5, 8, 9), unit, replyDueAt: Local(year, 5, 10, 20)));
        await App.Created("/api/entries", new { clause = "D1", unitId = unit, personId = person, occurredOn = $"{year}-05-10", points = 5, reason = "群众投诉拖延" });

        var lights = await Warnings();
        JsonElement One(string kind, string? clause = null, string? input = null, string? caseNumber = null) => lights.Single(w =>
            w.GetProperty("kind").GetString() == kind
            && (clause is null || w.GetProperty("clause").GetString() == clause)
            && (input is null || w.GetProperty("input").GetString() == input)
            && (caseNumber is null || w.GetProperty("caseNumber").GetString() == caseNumber));

        var overdue = One("case", caseNumber: "W-3");
        Assert.Equal("red", overdue.GetProperty("level").GetString());
        Assert.Contains("仍未收到答复", overdue.GetProperty("reason").GetString());
        var soon = One("case", caseNumber: "W-2");
        Assert.Equal("yellow", soon.GetProperty("level").GetString());
        Assert.Contains("还有 12.5 小时", soon.GetProperty("reason").GetString());
        Assert.DoesNotContain(lights, w => w.TryGetProperty("caseNumber", out var c) && c.GetString() == "W-1");

        // Nothing completed yet: completion 0% is at or below the floor (red); one reply of two on time (red).
        Assert.Equal("red", One("unit", "U4.1", "completionRate").GetProperty("level").GetString());
        var replies = One("unit", "U4.4", "replyRate");
        Assert.Equal((0.5m, 1m), (replies.GetProperty("value").GetDecimal(), replies.GetProperty("target").GetDecimal()));
        Assert.Contains("（1 / 2）", replies.GetProperty("reason").GetString());
        Assert.Equal("red", One("person", "I6", "completionRate").GetProperty("level").GetString());
        var complaint = One("person", "I7");
        Assert.Equal(("yellow", 1m), (complaint.GetProperty("level").GetString(), complaint.GetProperty("value").GetDecimal()));
        Assert.Equal("red", lights[0].GetProperty("level").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await App.Get("/api/warnings?asOf=soon")).Status);
    }
}
