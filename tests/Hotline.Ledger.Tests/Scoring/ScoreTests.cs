using System.Net;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Scoring;

[Collection(ScoringCollection.Name)]
public class ScoreTests(LedgerApp app) : LedgerTest(app)
{
    private async Task<JsonElement> Entry(string clause, Guid unit, Guid? person = null, string occurredOn = "2020-05-10", decimal? points = null) =>
        await App.Created("/api/entries", new { clause, unitId = unit, personId = person, occurredOn, points, reason = "r" });

    private static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("O"));

    private static DateTimeOffset RecordedAt(JsonElement e) => e.GetProperty("recordedAt").GetDateTimeOffset();

    [Fact]
    public async Task A_unit_scorecard_lists_every_criterion_and_adds_up()
    {
        var unit = await App.NewUnit("SCORE");
        await App.Created("/api/marks", new { year = 2020, clause = "U1.1", unitId = unit, points = 9, reason = "r" });
        await App.Created("/api/marks", new { year = 2020, clause = "U3.2", unitId = unit, points = 11.5, reason = "r" });
        await Entry("B2.3", unit);
        await Entry("D1", unit, points: 7);
        await Entry("B1", unit, occurredOn: "2021-01-02"); // another year: does not count

        var card = await App.Ok($"/api/units/{unit}/score?year=2020");
        Assert.Equal(2020, card.GetProperty("year").GetInt32());
        Assert.Equal("2020-12-31", card.GetProperty("asOf").GetString());
        Assert.Equal("xinyang-2019", card.GetProperty("rulebook").GetString());
        Assert.Equal("unit", card.GetProperty("subject").GetProperty("kind").GetString());

        var criteria = card.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(13, criteria.Count);
        Assert.Equal(9, criteria.Single(c => c.GetProperty("clause").GetString() == "U1.1").GetProperty("points").GetDecimal());
        Assert.Equal(JsonValueKind.Null, criteria.Single(c => c.GetProperty("clause").GetString() == "U2.1").GetProperty("points").ValueKind);
        Assert.Equal(15, criteria.Single(c => c.GetProperty("clause").GetString() == "U4.1").GetProperty("maxPoints").GetDecimal());

        Assert.Equal(20.5m, card.GetProperty("criteriaTotal").GetDecimal());
        Assert.Equal(5m, card.GetProperty("bonusTotal").GetDecimal());
        Assert.Equal(-7m, card.GetProperty("deductionTotal").GetDecimal());
        Assert.Equal(18.5m, card.GetProperty("total").GetDecimal());
        Assert.Equal(2, card.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task The_latest_mark_on_a_criterion_counts()
    {
        var unit = await App.NewUnit();
        await App.Created("/api/marks", new { year = 2020, clause = "U2.2", unitId = unit, points = 2, reason = "first" });
        var second = await App.Created("/api/marks", new { year = 2020, clause = "U2.2", unitId = unit, points = 4, reason = "revised" });

        var now = await App.Ok($"/api/units/{unit}/score?year=2020");
        Assert.Equal(4, now.GetProperty("criteriaTotal").GetDecimal());
        var before = await App.Ok($"/api/units/{unit}/score?year=2020&knownAt={Iso(second.GetProperty("recordedAt").GetDateTimeOffset().AddTicks(-1))}");
        Assert.Equal(2, before.GetProperty("criteriaTotal").GetDecimal());
    }

    [Fact]
    public async Task A_replay_between_two_events_sees_only_the_first()
    {
        var unit = await App.NewUnit();
        var first = await Entry("B1", unit);
        var second = await Entry("D1", unit, points: 5);
        var between = RecordedAt(first) + (RecordedAt(second) - RecordedAt(first)) / 2;

        var card = await App.Ok($"/api/units/{unit}/score?year=2020&knownAt={Iso(between)}");
        Assert.Equal(2m, card.GetProperty("total").GetDecimal());
        var exact = await App.Ok($"/api/units/{unit}/score?year=2020&knownAt={Iso(RecordedAt(second))}");
        Assert.Equal(-3m, exact.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task A_rescission_counts_only_from_the_instant_it_was_recorded()
    {
        var unit = await App.NewUnit();
        var entry = await Entry("D2", unit, points: 9);
        var rescinded = await App.Created($"/api/entries/{entry.GetProperty("id").GetGuid()}/rescind", new { reason = "申诉成立" }, HttpStatusCode.OK);
        var rescindedAt = rescinded.GetProperty("rescission").GetProperty("rescindedAt").GetDateTimeOffset();

        var believedThen = await App.Ok($"/api/units/{unit}/score?year=2020&knownAt={Iso(rescindedAt.AddTicks(-10))}");
        Assert.Equal(-9m, believedThen.GetProperty("deductionTotal").GetDecimal());
        var knownNow = await App.Ok($"/api/units/{unit}/score?year=2020");
        Assert.Equal(0m, knownNow.GetProperty("deductionTotal").GetDecimal());
        Assert.Empty(knownNow.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task A_correction_recorded_after_the_fact_changes_history_as_now_known_but_not_as_then_believed()
    {
        var unit = await App.NewUnit();
        var early = await Entry("B1", unit, occurredOn: "2020-08-01");
        // Recorded later, but it happened in June.
        var late = await Entry("D1", unit, occurredOn: "2020-06-15", points: 6);

        var juneAsThenBelieved = await App.Ok($"/api/units/{unit}/score?year=2020&asOf=2020-06-30&knownAt={Iso(RecordedAt(early))}");
        Assert.Equal(0m, juneAsThenBelieved.GetProperty("total").GetDecimal());
        var juneAsNowKnown = await App.Ok($"/api/units/{unit}/score?year=2020&asOf=2020-06-30");
        Assert.Equal(-6m, juneAsNowKnown.GetProperty("total").GetDecimal());
        var current = await App.Ok($"/api/units/{unit}/score?year=2020&knownAt={Iso(RecordedAt(late))}");
        Assert.Equal(-4m, current.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task The_same_parameters_give_the_same_answer_however_much_is_recorded_later()
    {
        var unit = await App.NewUnit();
        var entry = await Entry("B2.2", unit);
        var url = $"/api/units/{unit}/score?year=2020&asOf=2020-06-30&knownAt={Iso(RecordedAt(entry))}";
        var before = (await App.Get(url)).Text;

        await Entry("D1", unit, occurredOn: "2020-03-01", points: 5);
        await App.Created("/api/marks", new { year = 2020, clause = "U1.2", unitId = unit, points = 8, reason = "r" });
        await App.Created($"/api/entries/{entry.GetProperty("id").GetGuid()}/rescind", new { reason = "r" }, HttpStatusCode.OK);

        Assert.Equal(before, (await App.Get(url)).Text);
    }

    [Fact]
    public async Task A_person_who_moved_mid_year_credits_each_unit_for_its_half_and_keeps_their_own_total()
    {
        var first = await App.NewUnit("FIRST");
        var second = await App.NewUnit("SECOND");
        var person = await App.NewPerson(first, "2020-01-01");
        await Entry("B2.3", first, person, occurredOn: "2020-03-01");
        await App.Created($"/api/people/{person}/transfers", new { toUnitId = second, effectiveOn = "2020-07-01" }, HttpStatusCode.OK);
        await Entry("D1", second, person, occurredOn: "2020-09-01", points: 6);

        Assert.Equal(5m, (await App.Ok($"/api/units/{first}/score?year=2020")).GetProperty("total").GetDecimal());
        Assert.Equal(-6m, (await App.Ok($"/api/units/{second}/score?year=2020")).GetProperty("total").GetDecimal());
        var own = await App.Ok($"/api/people/{person}/score?year=2020");
        // +5 −6 from the entries, and I7 (computed from complaints: one D1 this year) gives 5 of its 10.
        Assert.Equal(-1m, own.GetProperty("bonusTotal").GetDecimal() + own.GetProperty("deductionTotal").GetDecimal());
        Assert.Equal(4m, own.GetProperty("total").GetDecimal());
        Assert.Equal(8, own.GetProperty("criteria").GetArrayLength());
    }

    [Fact]
    public async Task Rankings_put_the_highest_total_first_and_break_ties_by_code()
    {
        var b = await App.NewUnit("B-UNIT");
        var a = await App.NewUnit("A-UNIT");
        var c = await App.NewUnit("C-UNIT");
        await Entry("B2.3", c);
        await Entry("B1", a);
        await Entry("B1", b);

        var ranking = (await App.Ok("/api/rankings?year=2020")).EnumerateArray().ToList();
        Assert.Equal(["C-UNIT", "A-UNIT", "B-UNIT"], ranking.Select(r => r.GetProperty("code").GetString()));
        Assert.Equal([1, 2, 3], ranking.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Equal(5m, ranking[0].GetProperty("total").GetDecimal());
        Assert.Equal(c, ranking[0].GetProperty("unitId").GetGuid());
    }

    [Theory]
    [InlineData("year=20x0", "year")]
    [InlineData("asOf=2020-13-01", "asOf")]
    [InlineData("knownAt=yesterday", "knownAt")]
    [InlineData("year=2021&asOf=2020-12-31", "asOf")]
    public async Task Bad_query_parameters_are_400s_naming_the_parameter(string query, string field)
    {
        var unit = await App.NewUnit();
        var reply = await App.Get($"/api/units/{unit}/score?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.NotEmpty(reply.ErrorsFor(field));
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Get($"/api/rankings?{query}")).Status);
    }

    [Fact]
    public async Task Unknown_subjects_are_404s()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/units/{Guid.NewGuid()}/score")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/people/{Guid.NewGuid()}/score")).Status);
    }

    [Fact]
    public async Task Defaults_follow_the_contract_year_from_asOf_and_asOf_end_of_year()
    {
        var unit = await App.NewUnit();
        var fromAsOf = await App.Ok($"/api/units/{unit}/score?asOf=2020-07-05");
        Assert.Equal(2020, fromAsOf.GetProperty("year").GetInt32());
        var endOfYear = await App.Ok($"/api/units/{unit}/score?year=2021");
        Assert.Equal("2021-12-31", endOfYear.GetProperty("asOf").GetString());
    }
}
