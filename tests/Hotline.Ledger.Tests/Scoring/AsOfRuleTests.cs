using System.Net;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Scoring;

/// <summary>One rule for an asOf outside the year, on every route that takes both (ADR 0067).</summary>
[Collection(ScoringCollection.Name)]
public class AsOfRuleTests(LedgerApp app) : LedgerTest(app)
{
    [Fact]
    public async Task An_asOf_outside_the_year_is_the_same_400_on_every_route()
    {
        var unit = await App.NewUnit();
        var person = await App.NewPerson(unit, "2020-01-01");
        string[] routes =
        [
            $"/api/units/{unit}/score", $"/api/people/{person}/score", "/api/rankings", $"/api/units/{unit}/rates",
            $"/api/people/{person}/rates", $"/api/units/{unit}/self-assessment", $"/api/units/{unit}/self-checks",
        ];

        var messages = new List<string>();
        foreach (var route in routes)
        {
            foreach (var asOf in new[] { "2021-03-01", "2019-12-31" })
            {
                var reply = await App.Get($"{route}?year=2020&asOf={asOf}");
                Assert.True(reply.Status == HttpStatusCode.BadRequest, $"{route} with asOf {asOf} answered {(int)reply.Status}: {reply.Text}");
                messages.Add(reply.ErrorsFor("asOf").Single());
            }

            Assert.Equal(HttpStatusCode.OK, (await App.Get($"{route}?year=2020&asOf=2020-12-31")).Status);
        }

        var circular = await Refused(() => App.Post("/api/circulars", new { year = 2020, asOf = "2021-03-01" }), HttpStatusCode.BadRequest, "asOf");
        messages.Add(circular.ErrorsFor("asOf").Single());
        Assert.Equal(2, messages.Distinct().Count()); // one wording, for the two dates
        Assert.All(messages, m => Assert.Contains("outside the year 2020", m));
    }

    [Theory]
    [InlineData("2020-06-30", "2020-06-30")]
    [InlineData("2020-06-30T15:59:59Z", "2020-06-30")] // 23:59:59 in Asia/Shanghai
    [InlineData("2020-06-30T16:00:00Z", "2020-07-01")]
    public async Task Warnings_echo_asOf_as_a_business_date(string asked, string date)
    {
        var warnings = await App.Ok($"/api/warnings?asOf={Uri.EscapeDataString(asked)}");
        Assert.Equal(date, warnings.GetProperty("asOf").GetString());
        Assert.Equal(int.Parse(date[..4]), warnings.GetProperty("year").GetInt32());
        Assert.True(warnings.TryGetProperty("at", out _));
    }
}
