using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Scoring;

/// <summary>
/// A score reads the subject's rows of the year asked, by indexes that lead with the subject and the year (ADR 0197):
/// the rows of the years around it are there, and change nothing.
/// </summary>
[Collection(ScoringCollection.Name)]
public class ScoreYearTests(LedgerApp app) : LedgerTest(app)
{
    private static decimal Points(JsonElement card, string clause) =>
        card.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("clause").GetString() == clause).GetProperty("points").GetDecimal();

    [Fact]
    public async Task A_persons_and_a_units_score_count_the_year_asked_and_none_of_the_years_around_it()
    {
        var unit = await App.NewUnit();
        var person = await App.NewPerson(unit, "2019-12-20");
        foreach (var (year, points, deducted) in new[] { (2020, 2, 5), (2021, 4, 7), (2022, 3, 9) })
        {
            await App.Created("/api/marks", new { year, clause = "I1", personId = person, points, reason = "年度考评" });
            await App.Created("/api/marks", new { year, clause = "U1.1", unitId = unit, points, reason = "年度考评" });
            await App.Created("/api/entries", new { clause = "D1", unitId = unit, personId = person, occurredOn = $"{year}-06-01", points = deducted, reason = "r" });
        }

        var own = await App.Ok($"/api/people/{person}/score?year=2021");
        Assert.Equal(4m, Points(own, "I1"));
        Assert.Equal(-7m, own.GetProperty("deductionTotal").GetDecimal());
        Assert.Equal("2021-06-01", own.GetProperty("entries").EnumerateArray().Single().GetProperty("occurredOn").GetString());

        var units = await App.Ok($"/api/units/{unit}/score?year=2021&asOf=2021-12-31");
        Assert.Equal(4m, Points(units, "U1.1"));
        Assert.Equal(-7m, units.GetProperty("deductionTotal").GetDecimal());
        Assert.Single(units.GetProperty("entries").EnumerateArray());
    }
}
