using System.Globalization;
using System.Net;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Scoring;

/// <summary>
/// The series routes answer in one read what a scorecard (or a ranking) per day would: each day's total, and
/// each day's rank, equal to the API's own scorecard and ranking at that day and instant.
/// </summary>
[Collection(ScoringCollection.Name)]
public class SeriesTests(LedgerApp app) : LedgerTest(app)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime);
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("O"));

    private async Task<JsonElement> Entry(string clause, Guid unit, DateOnly on, decimal? points = null, Guid? person = null) =>
        await App.Created("/api/entries", new { clause, unitId = unit, personId = person, occurredOn = D(on), points, reason = "逐日测试" });

    private static Dictionary<string, decimal?> Days(JsonElement series) =>
        series.GetProperty("days").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!,
            d => d.GetProperty("total") is { ValueKind: JsonValueKind.Number } t ? t.GetDecimal() : (decimal?)null);

    /// <summary>
    /// The year so far (this year, so that marks given today count from today): entries on several days, one
    /// rescinded, marks given today. Every day's total equals the scorecard at that day, as known now and as known
    /// before the rescission.
    /// </summary>
    [Fact]
    public async Task A_units_total_day_by_day_equals_its_scorecard_on_each_day_on_both_clocks()
    {
        var year = Today.Year;
        var first = new DateOnly(year, 1, 1);
        var unit = await App.NewUnit();
        await Entry("B1", unit, first.AddDays(3));
        await Entry("D1", unit, first.AddDays(40), 5);
        var rescinded = await Entry("D2", unit, first.AddDays(40), 6);
        await Entry("B2.3", unit, Today);
        await App.Created("/api/marks", new { year, clause = "U1.1", unitId = unit, points = 9, reason = "r" });
        await App.Created("/api/marks", new { year, clause = "U1.1", unitId = unit, points = 7, reason = "改评" });
        var beforeRescission = DateTimeOffset.UtcNow;
        await App.Created($"/api/entries/{rescinded.GetProperty("id").GetGuid()}/rescind", new { reason = "经复核不属实" }, HttpStatusCode.OK);
        var now = DateTimeOffset.UtcNow;

        // Every day in CI's run; in a developer's, the days around each entry and mark and thirty more at random (Breadth),
        // the same days on both clocks.
        var marked = new[] { first, first.AddDays(3), first.AddDays(40), Today };
        var checkedDays = Breadth.Sample(Enumerable.Range(0, Today.DayNumber - first.DayNumber + 1).Select(first.AddDays),
            d => marked.Any(m => Math.Abs(m.DayNumber - d.DayNumber) <= 1) ? d.DayNumber : -1, 30);
        foreach (var knownAt in new[] { beforeRescission, now })
        {
            var series = await App.Ok($"/api/units/{unit}/score/series?year={year}&knownAt={Iso(knownAt)}");
            var days = Days(series);
            Assert.Equal(Today.DayOfYear, days.Count);
            Assert.Equal(D(first), series.GetProperty("from").GetString());
            Assert.Equal(D(Today), series.GetProperty("to").GetString());
            foreach (var day in checkedDays)
            {
                var card = await App.Ok($"/api/units/{unit}/score?year={year}&asOf={D(day)}&knownAt={Iso(knownAt)}");
                Assert.True(card.GetProperty("total").GetDecimal() == days[D(day)], $"{D(day)} as known at {knownAt:O}: scorecard {card.GetProperty("total")}, series {days[D(day)]}");
            }
        }

        // The rescinded deduction is in the earlier series from its day on, and not in today's.
        var then = Days(await App.Ok($"/api/units/{unit}/score/series?year={year}&from={D(first.AddDays(40))}&to={D(first.AddDays(40))}&knownAt={Iso(beforeRescission)}"));
        var since = Days(await App.Ok($"/api/units/{unit}/score/series?year={year}&from={D(first.AddDays(40))}&to={D(first.AddDays(40))}"));
        Assert.Equal(then.Values.Single() + 6, since.Values.Single());
    }

    [Fact]
    public async Task A_persons_total_day_by_day_has_no_score_before_they_joined_and_equals_their_scorecard_after()
    {
        var year = Today.Year;
        var first = new DateOnly(year, 1, 1);
        var joined = first.AddDays(20);
        var unit = await App.NewUnit();
        var person = await App.NewPerson(unit, D(joined));
        await Entry("B1", unit, joined.AddDays(2), person: person);
        await Entry("D1", unit, joined.AddDays(9), 5, person);
        var knownAt = DateTimeOffset.UtcNow;
        var to = joined.AddDays(30);

        var days = Days(await App.Ok($"/api/people/{person}/score/series?year={year}&to={D(to)}&knownAt={Iso(knownAt)}"));
        Assert.Equal(to.DayNumber - first.DayNumber + 1, days.Count);
        for (var day = first; day <= to; day = day.AddDays(1))
        {
            var reply = await App.Get($"/api/people/{person}/score?year={year}&asOf={D(day)}&knownAt={Iso(knownAt)}");
            if (day < joined)
            {
                Assert.Equal(HttpStatusCode.NotFound, reply.Status);
                Assert.Null(days[D(day)]);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, reply.Status);
                Assert.Equal(reply.Json.GetProperty("total").GetDecimal(), days[D(day)]);
            }
        }
    }

    [Fact]
    public async Task A_units_rank_day_by_day_equals_the_ranking_on_each_day()
    {
        var year = 2020;
        var a = await App.NewUnit("RKA");
        var b = await App.NewUnit("RKB");
        var c = await App.NewUnit("RKC");
        await Entry("B1", a, new DateOnly(2020, 2, 1));
        await Entry("D1", a, new DateOnly(2020, 3, 1), 5);
        await Entry("B2.3", b, new DateOnly(2020, 2, 15));
        await App.Created("/api/marks", new { year, clause = "U1.1", unitId = c, points = 9, reason = "r" });
        var knownAt = DateTimeOffset.UtcNow;

        var series = await App.Ok($"/api/units/{a}/rank/series?year={year}&to=2020-04-30&knownAt={Iso(knownAt)}");
        var days = series.GetProperty("days").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!);
        Assert.Equal(121, days.Count);
        foreach (var day in new[] { "2020-01-01", "2020-01-10", "2020-02-01", "2020-02-14", "2020-02-15", "2020-03-01", "2020-04-30" })
        {
            var ranking = (await App.Ok($"/api/rankings?year={year}&asOf={day}&knownAt={Iso(knownAt)}")).EnumerateArray().ToList();
            var row = ranking.Single(r => r.GetProperty("unitId").GetGuid() == a);
            Assert.Equal(row.GetProperty("rank").GetInt32(), days[day].GetProperty("rank").GetInt32());
            Assert.Equal(ranking.Count, days[day].GetProperty("of").GetInt32());
            Assert.Equal(row.GetProperty("total").GetDecimal(), days[day].GetProperty("total").GetDecimal());
        }

        // Another unit's bonus passes it; once its own deduction counts it is last.
        Assert.True(days["2020-02-15"].GetProperty("rank").GetInt32() > days["2020-02-14"].GetProperty("rank").GetInt32());
        Assert.Equal(3, days["2020-03-01"].GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task What_changed_names_the_rescission_who_recorded_it_and_the_difference()
    {
        var unit = await App.NewUnit();
        var entry = await Entry("D1", unit, new DateOnly(2020, 7, 1), 6);
        var recordedAt = entry.GetProperty("recordedAt").GetDateTimeOffset();
        await App.Created("/api/marks", new { year = 2020, clause = "U2.2", unitId = unit, points = 3, reason = "补评" });
        await App.Created($"/api/entries/{entry.GetProperty("id").GetGuid()}/rescind", new { reason = "经复核不属实" }, HttpStatusCode.OK);

        var changes = await App.Ok($"/api/units/{unit}/changes?year=2020&from={Iso(recordedAt)}");
        Assert.Equal(9m, changes.GetProperty("difference").GetDecimal());
        Assert.Equal(changes.GetProperty("totalAtTo").GetDecimal() - changes.GetProperty("totalAtFrom").GetDecimal(), changes.GetProperty("difference").GetDecimal());
        var rows = changes.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["mark", "rescission"], rows.Select(r => r.GetProperty("kind").GetString()!).ToArray());
        var rescission = rows[1];
        Assert.Equal(LedgerApp.DefaultUser, rescission.GetProperty("by").GetString());
        Assert.Equal("经复核不属实", rescission.GetProperty("reason").GetString());
        Assert.Equal(6m, rescission.GetProperty("effect").GetDecimal());

        // From before the entry: it is listed too, and the rescission takes back nothing counted at 'from'.
        var all = await App.Ok($"/api/units/{unit}/changes?year=2020&from={Iso(recordedAt.AddTicks(-10))}");
        Assert.Equal(["entry", "mark", "rescission"], all.GetProperty("changes").EnumerateArray().Select(r => r.GetProperty("kind").GetString()!).ToArray());
        Assert.Equal(3m, all.GetProperty("difference").GetDecimal());
    }

    [Fact]
    public async Task Series_and_changes_refuse_bad_ranges_and_unknown_subjects()
    {
        var unit = await App.NewUnit();
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Get($"/api/units/{unit}/score/series?year=2020&from=2020-05-01&to=2020-04-01")).Status);
        var outside = await App.Get($"/api/units/{unit}/score/series?year=2020&to=2021-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, outside.Status);
        Assert.NotEmpty(outside.ErrorsFor("to"));
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Get($"/api/units/{unit}/changes?year=2020")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/units/{Guid.NewGuid()}/score/series?year=2020")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/units/{Guid.NewGuid()}/rank/series?year=2020")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/people/{Guid.NewGuid()}/changes?year=2020&from=2020-01-01T00:00:00Z")).Status);
    }

    [Fact]
    public async Task A_liaison_has_the_series_of_their_own_unit_only_and_no_rank_series()
    {
        var own = await App.NewUnit("LSOWN");
        var other = await App.NewUnit("LSOTH");
        var liaison = App.AsLiaison("LSOWN");
        Assert.Equal(HttpStatusCode.OK, (await liaison.Get($"/api/units/{own}/score/series?year=2020")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Get($"/api/units/{other}/score/series?year=2020")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Get($"/api/units/{other}/changes?year=2020&from=2020-01-01T00:00:00Z")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Get($"/api/units/{own}/rank/series?year=2020")).Status);
    }
}
