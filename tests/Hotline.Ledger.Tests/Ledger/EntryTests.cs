using System.Net;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Ledger;

public class EntryTests(LedgerApp app) : LedgerTest(app)
{
    private async Task<(Guid Unit, Guid Person)> UnitWithPerson()
    {
        var unit = await App.NewUnit();
        return (unit, await App.NewPerson(unit, "2020-01-01"));
    }

    private static object Entry(string clause, Guid unit, Guid? person = null, string occurredOn = "2020-05-10", decimal? points = null, string reason = "市民来电致谢") =>
        new { clause, unitId = unit, personId = person, occurredOn, points, reason, evidence = new[] { new { title = "来电记录", reference = "HL-2020-0510-001" } } };

    [Theory]
    [InlineData("B1", null, 2)]
    [InlineData("B2.1", null, 2)]
    [InlineData("B2.2", null, 3)]
    [InlineData("B2.3", null, 5)]
    [InlineData("B3", null, 6)]
    [InlineData("B4", 7.5, 7.5)]
    [InlineData("D1", 8.0, -8.0)]
    [InlineData("D2", 10.0, -10.0)]
    public async Task Every_clause_for_units_and_people_is_recorded_with_signed_points(string clause, double? points, double expected)
    {
        var (unit, person) = await UnitWithPerson();
        var entry = await App.Created("/api/entries", Entry(clause, unit, person, points: (decimal?)points));

        Assert.Equal(clause, entry.GetProperty("clause").GetString());
        Assert.Equal((decimal)expected, entry.GetProperty("points").GetDecimal());
        Assert.Equal(unit, entry.GetProperty("unitId").GetGuid());
        Assert.Equal(person, entry.GetProperty("personId").GetGuid());
        Assert.Equal("active", entry.GetProperty("status").GetString());
        Assert.Equal("office", entry.GetProperty("recordedBy").GetString());
        Assert.Equal("2020-05-10", entry.GetProperty("occurredOn").GetString());
        Assert.True(entry.GetProperty("recordedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        var read = await App.Ok($"/api/entries/{entry.GetProperty("id").GetGuid()}");
        Assert.Equal("HL-2020-0510-001", read.GetProperty("evidence")[0].GetProperty("reference").GetString());
    }

    [Fact]
    public async Task RecordedAt_in_the_answer_is_exactly_the_instant_the_store_holds()
    {
        var unit = await App.NewUnit();
        var entry = await App.Created("/api/entries", Entry("B1", unit));
        await using var session = App.Store.QuerySession();
        var stored = await session.Events.FetchStreamAsync(entry.GetProperty("id").GetGuid());
        Assert.Equal(stored.Single().Timestamp, entry.GetProperty("recordedAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("D3.1", -5)]
    [InlineData("D3.2", -10)]
    [InlineData("D3.3", -5)]
    public async Task Unit_only_deductions_are_recorded_against_the_unit(string clause, decimal expected)
    {
        var unit = await App.NewUnit();
        var entry = await App.Created("/api/entries", new { clause, unitId = unit, occurredOn = "2020-06-30", reason = "逾期未答复", caseNumber = "XY2020063000012" });
        Assert.Equal(expected, entry.GetProperty("points").GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, entry.GetProperty("personId").ValueKind);
        Assert.Equal("XY2020063000012", entry.GetProperty("caseNumber").GetString());
    }

    [Fact]
    public async Task A_unit_only_deduction_naming_a_person_is_refused()
    {
        var (unit, person) = await UnitWithPerson();
        await Refused(() => App.Post("/api/entries", Entry("D3.2", unit, person)), HttpStatusCode.BadRequest, "personId");
    }

    [Fact]
    public async Task An_unknown_clause_and_a_criterion_are_refused_on_the_clause()
    {
        var unit = await App.NewUnit();
        var unknown = await Refused(() => App.Post("/api/entries", Entry("B9", unit)), HttpStatusCode.BadRequest, "clause");
        Assert.Contains("not a clause", unknown.ErrorsFor("clause")[0]);
        var criterion = await Refused(() => App.Post("/api/entries", Entry("U4.5", unit, points: 5)), HttpStatusCode.BadRequest, "clause");
        Assert.Contains("criterion", criterion.ErrorsFor("clause")[0]);
    }

    [Theory]
    [InlineData("B4", 4.99)]
    [InlineData("B4", 11)]
    [InlineData("D1", 4)]
    [InlineData("D2", 10.5)]
    [InlineData("B1", 3)]
    [InlineData("D3.1", 10)]
    public async Task Points_outside_the_range_or_unlike_the_fixed_value_are_refused(string clause, double points)
    {
        var unit = await App.NewUnit();
        await Refused(() => App.Post("/api/entries", Entry(clause, unit, points: (decimal)points)), HttpStatusCode.BadRequest, "points");
    }

    [Fact]
    public async Task A_ranged_clause_without_points_is_refused_and_a_fixed_one_may_repeat_its_value()
    {
        var unit = await App.NewUnit();
        await Refused(() => App.Post("/api/entries", Entry("D1", unit)), HttpStatusCode.BadRequest, "points");
        var same = await App.Created("/api/entries", Entry("B2.2", unit, points: 3));
        Assert.Equal(3, same.GetProperty("points").GetDecimal());
    }

    [Fact]
    public async Task A_person_who_did_not_belong_to_the_unit_on_the_day_is_refused()
    {
        var first = await App.NewUnit();
        var second = await App.NewUnit();
        var person = await App.NewPerson(first, "2020-01-01");
        await App.Created($"/api/people/{person}/transfers", new { toUnitId = second, effectiveOn = "2020-07-01" }, HttpStatusCode.OK);

        // Before the move the person was the first unit's; from 1 July the second's.
        await App.Created("/api/entries", Entry("B1", first, person, occurredOn: "2020-06-30"));
        await App.Created("/api/entries", Entry("B1", second, person, occurredOn: "2020-07-01"));
        await Refused(() => App.Post("/api/entries", Entry("B1", first, person, occurredOn: "2020-07-01")), HttpStatusCode.BadRequest, "personId");
        await Refused(() => App.Post("/api/entries", Entry("B1", second, person, occurredOn: "2020-06-30")), HttpStatusCode.BadRequest, "personId");
        await Refused(() => App.Post("/api/entries", Entry("B1", first, person, occurredOn: "2019-12-31")), HttpStatusCode.BadRequest, "personId");
        await Refused(() => App.Post("/api/entries", Entry("B1", first, Guid.NewGuid())), HttpStatusCode.BadRequest, "personId");
    }

    [Fact]
    public async Task A_future_date_and_a_date_before_the_measures_are_refused()
    {
        var unit = await App.NewUnit();
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)).ToString("yyyy-MM-dd");
        await Refused(() => App.Post("/api/entries", Entry("B1", unit, occurredOn: future)), HttpStatusCode.BadRequest, "occurredOn");
        var before = await Refused(() => App.Post("/api/entries", Entry("B1", unit, occurredOn: "2019-06-01")), HttpStatusCode.BadRequest, "occurredOn");
        Assert.Contains("No rulebook", before.ErrorsFor("occurredOn")[0]);
    }

    [Fact]
    public async Task An_unknown_unit_and_bad_fields_are_400s()
    {
        var unit = await App.NewUnit();
        await Refused(() => App.Post("/api/entries", Entry("B1", Guid.NewGuid())), HttpStatusCode.BadRequest, "unitId");
        await Refused(() => App.Post("/api/entries", Entry("B1", unit, reason: "")), HttpStatusCode.BadRequest, "reason");
        await Refused(() => App.Post("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-05-01", reason = "x", evidence = new[] { new { title = "t", reference = "r", sha256 = "abc" } } }),
            HttpStatusCode.BadRequest, "evidence[0].sha256");
        await Refused(() => App.PostRaw("/api/entries", "{\"clause\": \"B1\", \"unitId\": \"" + unit + "\", \"occurredOn\": \"2020-02-30\", \"reason\": \"x\"}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_once_per_year_clause_twice_for_the_same_subject_and_year_is_a_409()
    {
        var (unit, person) = await UnitWithPerson();
        await App.Created("/api/entries", Entry("B3", unit, person, occurredOn: "2020-12-20"));
        await Refused(() => App.Post("/api/entries", Entry("B3", unit, person, occurredOn: "2020-12-28")), HttpStatusCode.Conflict, "clause");

        // The unit already has its B3 for 2020, whoever the second person is.
        var colleague = await App.NewPerson(unit, "2020-01-01", "李四");
        await Refused(() => App.Post("/api/entries", Entry("B3", unit, colleague, occurredOn: "2020-12-28")), HttpStatusCode.Conflict, "clause");

        // Another year is another slot.
        await App.Created("/api/entries", Entry("B3", unit, person, occurredOn: "2021-01-05"));
        await App.Created("/api/entries", Entry("B4", unit, person, occurredOn: "2020-12-20", points: 6));
        await Refused(() => App.Post("/api/entries", Entry("B4", unit, null, occurredOn: "2020-12-21", points: 5)), HttpStatusCode.Conflict, "clause");
    }

    [Fact]
    public async Task Racing_requests_for_one_once_per_year_clause_record_it_exactly_once()
    {
        var (unit, person) = await UnitWithPerson();
        var before = await App.EventCount();
        var replies = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => App.Post("/api/entries", Entry("B3", unit, person, occurredOn: "2020-12-20"))));

        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        Assert.Equal(before + 1, await App.EventCount());
    }

    [Fact]
    public async Task Concurrent_writes_to_one_unit_lose_nothing()
    {
        var (unit, person) = await UnitWithPerson();
        var before = await App.EventCount();
        var replies = await Task.WhenAll(Enumerable.Range(0, 24)
            .Select(i => App.Post("/api/entries", Entry(i % 2 == 0 ? "B1" : "D1", unit, person, points: i % 2 == 0 ? null : 5))));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Equal(24, replies.Select(r => r.Json.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.Equal(before + 24, await App.EventCount());
    }
}
