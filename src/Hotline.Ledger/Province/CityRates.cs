using Hotline.Ledger.Cases;
using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;

namespace Hotline.Ledger.Province;

/// <summary>A unit's rates in a city's table.</summary>
public sealed record UnitRates(Guid UnitId, string Code, string Name, CaseRates Rates);

/// <summary>
/// A city's handling rates for a year at (asOf, knownAt): the city's cases together and unit by unit, each row what
/// GET /api/units/{id}/rates answers in that city.
/// </summary>
public sealed record CityRates(string Code, string Name, int Year, DateOnly AsOf, DateTimeOffset KnownAt, CaseRates Total, IReadOnlyList<UnitRates> Units)
{
    public static async Task<CityRates> Of(CityLedger city, ScoreQuery q)
    {
        var rules = city.Rulebooks.ForScoring(q.Year, q.AsOf)!.CaseFeedOrDefault();
        // The units that existed at knownAt, as the ranking and the summary count them.
        var units = await city.Session.Query<Unit>().Where(u => u.RegisteredAt <= q.KnownAt).ToListAsync();
        var counts = await RateReader.CountsOfAll(city.Session, SubjectKind.Unit, q);
        var rows = units.OrderBy(u => u.CodeKey, StringComparer.Ordinal)
            .Select(u => new UnitRates(u.Id, u.Code, u.Name,
                CaseRates.Of("unit", u.Id, q.Year, q.AsOf, q.KnownAt, counts.GetValueOrDefault(u.Id) ?? CaseCounts.Zero, rules)))
            .ToList();
        var total = units.Aggregate(CaseCounts.Zero, (sum, u) => sum + (counts.GetValueOrDefault(u.Id) ?? CaseCounts.Zero));
        return new CityRates(city.City.Code, city.City.Name, q.Year, q.AsOf, q.KnownAt,
            CaseRates.Of("city", Guid.Empty, q.Year, q.AsOf, q.KnownAt, total, rules), rows);
    }
}
