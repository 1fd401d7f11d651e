using Hotline.Ledger.Cases;
using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;

namespace Hotline.Ledger.Province;

/// <summary>How many of a city's units a grade band holds at the summary's point on both clocks.</summary>
public sealed record GradeCount(string Grade, int Units);

/// <summary>
/// One city at a point on both clocks: its units (registered by knownAt), its year's cases (the units' assigned cases,
/// as their rates count them), the completion and reply rates of those cases together, and how its units' totals
/// fall into the city's grade bands. A disabled city stays in the summary, marked (<see cref="InService"/> false), with
/// its figures as its kept ledger gives them (ADR 0185).
/// </summary>
public sealed record CitySummary(
    string Code,
    string Name,
    string Rulebook,
    int Units,
    int Cases,
    int Completed,
    decimal? CompletionRate,
    int ReplyDue,
    int RepliedOnTime,
    decimal? ReplyRate,
    IReadOnlyList<GradeCount> Grades,
    bool InService = true)
{
    /// <summary>
    /// Read from the city's own ledger only, with the city's own readers: the ranking (every unit's total, as
    /// GET /api/rankings gives it) graded by the rulebook in force, and the rate counters summed over its units.
    /// </summary>
    public static async Task<CitySummary> Of(CityLedger city, ScoreQuery q)
    {
        var rulebook = city.Rulebooks.ForScoring(q.Year, q.AsOf)!;
        var ranking = await Ranking.Units(city.Session, rulebook, q);
        var counts = await RateReader.CountsOfAll(city.Session, SubjectKind.Unit, q);
        var units = ranking.Select(r => r.UnitId).ToHashSet();
        var total = counts.Where(c => units.Contains(c.Key)).Aggregate(CaseCounts.Zero, (sum, c) => sum + c.Value);
        var rates = CaseRates.Of("city", Guid.Empty, q.Year, q.AsOf, q.KnownAt, total, rulebook.CaseFeedOrDefault());

        var graded = ranking.GroupBy(r => rulebook.GradeOf(r.Total)).ToDictionary(g => g.Key ?? "", g => g.Count());
        var grades = (rulebook.Grades ?? []).Select(g => new GradeCount(g.Name, graded.GetValueOrDefault(g.Name))).ToList();

        return new CitySummary(city.City.Code, city.City.Name, rulebook.Id, ranking.Count, rates.Assigned, rates.Completed, rates.CompletionRate,
            rates.ReplyDue, rates.RepliedOnTime, rates.ReplyRate, grades, city.City.InService);
    }
}
