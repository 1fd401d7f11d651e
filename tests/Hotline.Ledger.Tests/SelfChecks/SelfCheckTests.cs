using System.Net;
using Hotline.Ledger.Tests.Support;
using Hotline.Ledger.Time;

namespace Hotline.Ledger.Tests.SelfChecks;

public class SelfCheckTests(LedgerApp app) : LedgerTest(app)
{
    private static readonly DateOnly Today = OfficeCalendar.Today(TimeProvider.System);
    private static readonly string ThisMonth = Today.ToString("yyyy-MM");

    private static object Check(string month, params (string Clause, decimal Points)[] items) =>
        new { month, items = items.Select(i => new { clause = i.Clause, points = i.Points, note = "自评" }), summary = "本月自查" };

    [Fact]
    public async Task A_self_check_in_its_own_month_is_on_time_and_a_past_month_is_late()
    {
        var unit = await App.NewUnit();
        var current = await App.Created($"/api/units/{unit}/self-checks", Check(ThisMonth, ("U1.1", 9), ("U4.5", 5)));
        Assert.Equal("onTime", current.GetProperty("status").GetString());
        Assert.Equal(Today.AddDays(1 - Today.Day).AddMonths(1).AddDays(4).ToString("yyyy-MM-dd"), current.GetProperty("dueOn").GetString());

        var late = await App.Created($"/api/units/{unit}/self-checks", Check("2020-05", ("U1.1", 8)));
        Assert.Equal("late", late.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_year_shows_missing_months_and_a_resubmission_keeps_the_first_date()
    {
        var unit = await App.NewUnit();
        await App.Created($"/api/units/{unit}/self-checks", Check("2020-03", ("U2.1", 4)));
        var revised = await App.Created($"/api/units/{unit}/self-checks", Check("2020-03", ("U2.1", 3)));
        Assert.Equal(2, revised.GetProperty("submissions").GetInt32());
        Assert.Equal(3, revised.GetProperty("items")[0].GetProperty("points").GetDecimal());

        var year = (await App.Ok($"/api/units/{unit}/self-checks?year=2020")).EnumerateArray().ToList();
        Assert.Equal(12, year.Count);
        Assert.Equal("late", year[2].GetProperty("status").GetString());
        Assert.All(year.Where((_, i) => i != 2), m => Assert.Equal("missing", m.GetProperty("status").GetString()));

        var asOfMarch = (await App.Ok($"/api/units/{unit}/self-checks?year=2020&asOf=2020-03-20")).EnumerateArray().ToList();
        Assert.Equal(["missing", "missing", "open"], asOfMarch.Select(m => m.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task The_self_assessment_stands_beside_the_office_figures_with_the_gaps()
    {
        var unit = await App.NewUnit();
        await App.Created("/api/marks", new { year = 2020, clause = "U1.1", unitId = unit, points = 7, reason = "办公室评分" });
        await App.Created($"/api/units/{unit}/self-checks", Check("2020-11", ("U1.1", 10), ("U2.2", 4)));

        var view = await App.Ok($"/api/units/{unit}/self-assessment?year=2020");
        Assert.Equal("2020-11", view.GetProperty("month").GetString());
        var u11 = view.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("clause").GetString() == "U1.1");
        Assert.Equal((7m, 10m, 3m), (u11.GetProperty("officePoints").GetDecimal(), u11.GetProperty("selfPoints").GetDecimal(), u11.GetProperty("gap").GetDecimal()));
        Assert.Equal(14m, view.GetProperty("selfTotal").GetDecimal());

        var beforeNovember = await App.Ok($"/api/units/{unit}/self-assessment?year=2020&asOf=2020-10-31");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, beforeNovember.GetProperty("month").ValueKind);
    }

    [Theory]
    [InlineData("2020-13", "U1.1", 5, "month")]
    [InlineData("2020-05", "I1", 3, "items[0].clause")]
    [InlineData("2020-05", "U1", 3, "items[0].clause")]
    [InlineData("2020-05", "U2.1", 4.5, "items[0].points")]
    public async Task Bad_self_checks_are_refused(string month, string clause, double points, string field)
    {
        var unit = await App.NewUnit();
        await Refused(() => App.Post($"/api/units/{unit}/self-checks", Check(month, (clause, (decimal)points))), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_future_month_an_empty_check_and_an_unknown_unit_are_refused()
    {
        var unit = await App.NewUnit();
        var next = Today.AddMonths(2).ToString("yyyy-MM");
        await Refused(() => App.Post($"/api/units/{unit}/self-checks", Check(next, ("U1.1", 5))), HttpStatusCode.BadRequest, "month");
        await Refused(() => App.Post($"/api/units/{unit}/self-checks", Check("2020-05")), HttpStatusCode.BadRequest, "items");
        await Refused(() => App.Post($"/api/units/{Guid.NewGuid()}/self-checks", Check("2020-05", ("U1.1", 5))), HttpStatusCode.NotFound);
        await Refused(() => App.Post($"/api/units/{unit}/self-checks", Check("2020-05", ("U1.1", 5), ("U1.1", 6))), HttpStatusCode.BadRequest, "items");
    }
}
