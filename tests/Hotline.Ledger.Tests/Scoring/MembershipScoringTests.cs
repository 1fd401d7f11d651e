using System.Net;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Scoring;

/// <summary>People are scored only for the days they belonged to a unit (ADR 0065).</summary>
[Collection(ScoringCollection.Name)]
public class MembershipScoringTests(LedgerApp app) : LedgerTest(app)
{
    private static Guid Id(JsonElement e, string property = "id") => e.GetProperty(property).GetGuid();

    private static decimal? Criterion(JsonElement card, string clause) =>
        card.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("clause").GetString() == clause).GetProperty("points") is
            { ValueKind: JsonValueKind.Number } points ? points.GetDecimal() : null;

    private static List<(Guid Unit, string From, string To)> Memberships(JsonElement card) =>
        card.GetProperty("memberships").EnumerateArray()
            .Select(m => (Id(m, "unitId"), m.GetProperty("from").GetString()!, m.GetProperty("to").GetString()!)).ToList();

    private static IEnumerable<Guid> People(JsonElement sheet) => sheet.GetProperty("people").EnumerateArray().Select(p => Id(p, "personId"));

    [Fact]
    public async Task A_person_who_joined_today_has_no_2020_score_and_is_in_no_2020_circular_or_evaluation()
    {
        var unit = await App.NewUnit();
        var newcomer = Id(await App.Created("/api/people", new { name = "新同志", unitId = unit }));
        var member = await App.NewPerson(unit, "2020-01-01", "老同志");

        var refused = await App.Get($"/api/people/{newcomer}/score?year=2020");
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Equal("application/problem+json", refused.MediaType);
        Assert.Contains("2020", refused.Json.GetProperty("detail").GetString());
        Assert.Equal(2020, refused.Json.GetProperty("year").GetInt32());

        var circular = await App.Created("/api/circulars", new { year = 2020, asOf = "2020-06-30" });
        Assert.Equal([member], People(circular));
        var evaluation = await App.Created("/api/evaluations", new { year = 2020 });
        Assert.Equal([member], People(evaluation));
        // Nor may an assessor mark them for a year they were not in.
        await Refused(() => App.Post("/api/marks", new { year = 2020, clause = "I1", personId = newcomer, points = 5, reason = "r" }),
            HttpStatusCode.BadRequest, "personId");
    }

    [Fact]
    public async Task A_mid_year_joiner_is_scored_from_the_day_they_joined_with_the_whole_of_I7()
    {
        var unit = await App.NewUnit();
        var joiner = await App.NewPerson(unit, "2020-07-01", "七月入职");

        // The items they undertook after joining, all completed: I6 is judged on those, not prorated.
        var rows = new[] { "XY-J-1", "XY-J-2" }.SelectMany(n => new object[]
        {
            new { eventId = $"{n}-a", caseNumber = n, type = "assigned", at = "2020-08-03T02:00:00Z", unitId = unit, personId = joiner },
            new { eventId = $"{n}-c", caseNumber = n, type = "completed", at = "2020-08-10T02:00:00Z" },
        }).ToArray();
        await App.Created("/api/cases/events", new { events = rows }, HttpStatusCode.OK);

        var card = await App.Ok($"/api/people/{joiner}/score?year=2020");
        Assert.Equal([(unit, "2020-07-01", "2020-12-31")], Memberships(card));
        // "No complaint all year" is judged over the days they were a member: a clean half year earns all 10 points.
        Assert.Equal(10m, Criterion(card, "I7"));
        Assert.Equal(15m, Criterion(card, "I6")); // a 100% completion rate; no reply was due, so the reply part has nothing

        // Before they joined they were nobody's: no half-year score, no place in the half-year circular.
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/people/{joiner}/score?year=2020&asOf=2020-06-30")).Status);
        Assert.Empty(People(await App.Created("/api/circulars", new { year = 2020, asOf = "2020-06-30" })));
        Assert.Equal([joiner], People(await App.Created("/api/evaluations", new { year = 2020 })));
    }

    [Fact]
    public async Task A_leaver_is_scored_until_their_last_day_and_not_in_the_years_after()
    {
        var unit = await App.NewUnit();
        var leaver = await App.NewPerson(unit, "2020-01-01", "三月离职");
        await App.Created("/api/entries", new { clause = "D1", unitId = unit, personId = leaver, occurredOn = "2020-02-10", points = 5, reason = "拖延被投诉" });

        var left = await App.Created($"/api/people/{leaver}/departures", new { lastDay = "2020-03-31" }, HttpStatusCode.OK);
        Assert.Equal("2020-03-31", left.GetProperty("memberships")[0].GetProperty("to").GetString());
        await Refused(() => App.Post($"/api/people/{leaver}/departures", new { lastDay = "2020-04-30" }), HttpStatusCode.Conflict);
        // After their last day nothing can be recorded against them.
        await Refused(() => App.Post("/api/entries", new { clause = "B1", unitId = unit, personId = leaver, occurredOn = "2020-04-02", reason = "r" }),
            HttpStatusCode.BadRequest, "personId");

        var card = await App.Ok($"/api/people/{leaver}/score?year=2020");
        Assert.Equal([(unit, "2020-01-01", "2020-03-31")], Memberships(card));
        Assert.Equal(5m, Criterion(card, "I7")); // one complaint while a member
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/people/{leaver}/score?year=2021")).Status);

        var evaluation = await App.Created("/api/evaluations", new { year = 2020 });
        var row = evaluation.GetProperty("people").EnumerateArray().Single();
        Assert.Equal((leaver, unit), (Id(row, "personId"), Id(row, "unitId")));
        Assert.Empty(People(await App.Created("/api/evaluations", new { year = 2021 })));
    }

    [Fact]
    public async Task A_transfer_mid_year_credits_each_day_to_the_unit_of_that_day()
    {
        var first = await App.NewUnit("FIRST");
        var second = await App.NewUnit("SECOND");
        var mover = await App.NewPerson(first, "2020-01-01", "调动");
        await App.Created($"/api/people/{mover}/transfers", new { toUnitId = second, effectiveOn = "2020-07-01" }, HttpStatusCode.OK);

        await App.Created("/api/entries", new { clause = "B1", unitId = first, personId = mover, occurredOn = "2020-03-03", reason = "春季采用" });
        await Refused(() => App.Post("/api/entries", new { clause = "B1", unitId = first, personId = mover, occurredOn = "2020-08-08", reason = "r" }),
            HttpStatusCode.BadRequest, "personId");
        await App.Created("/api/entries", new { clause = "B2.2", unitId = second, personId = mover, occurredOn = "2020-08-08", reason = "秋季感谢信" });

        Assert.Equal(2m, (await App.Ok($"/api/units/{first}/score?year=2020")).GetProperty("bonusTotal").GetDecimal());
        Assert.Equal(3m, (await App.Ok($"/api/units/{second}/score?year=2020")).GetProperty("bonusTotal").GetDecimal());

        var card = await App.Ok($"/api/people/{mover}/score?year=2020");
        Assert.Equal(5m, card.GetProperty("bonusTotal").GetDecimal());
        Assert.Equal([(first, "2020-01-01", "2020-06-30"), (second, "2020-07-01", "2020-12-31")], Memberships(card));
        var spring = await App.Ok($"/api/people/{mover}/score?year=2020&asOf=2020-05-31");
        Assert.Equal([(first, "2020-01-01", "2020-05-31")], Memberships(spring));

        // Listed once, under the unit of their last membership in the counted days.
        Assert.Equal(first, Id((await App.Created("/api/circulars", new { year = 2020, asOf = "2020-06-30" })).GetProperty("people")[0], "unitId"));
        Assert.Equal(second, Id((await App.Created("/api/evaluations", new { year = 2020 })).GetProperty("people")[0], "unitId"));
    }

    [Fact]
    public async Task A_person_who_left_may_return_after_their_last_day()
    {
        var unit = await App.NewUnit();
        var person = await App.NewPerson(unit, "2020-01-01");
        await App.Created($"/api/people/{person}/departures", new { lastDay = "2020-03-31" }, HttpStatusCode.OK);
        await Refused(() => App.Post($"/api/people/{person}/transfers", new { toUnitId = unit, effectiveOn = "2020-03-31" }), HttpStatusCode.BadRequest, "effectiveOn");
        await App.Created($"/api/people/{person}/transfers", new { toUnitId = unit, effectiveOn = "2020-10-01" }, HttpStatusCode.OK);

        var card = await App.Ok($"/api/people/{person}/score?year=2020");
        Assert.Equal([(unit, "2020-01-01", "2020-03-31"), (unit, "2020-10-01", "2020-12-31")], Memberships(card));
    }
}
