namespace Hotline.Ledger.Benchmarks.Measures;

/// <summary>Where a page probe points: a unit, a person who belonged to a unit in the year, and the year.</summary>
public sealed record PagePoint(Guid UnitId, Guid PersonId, int Year);

/// <summary>
/// A screen of the web application beside the API read it stands on, signed in as <see cref="Role"/> through
/// the Development sign-in. The page's figure includes the API call(s) it makes over the loopback, its
/// rendering and its HTML; the API's is the bare read.
/// </summary>
public sealed record PageRow(string Screen, string Role, Func<PagePoint, string> Page, Func<PagePoint, string> Api);

/// <summary>
/// The pages measured (docs/benchmarks.md): one row per screen. A new screen (an auditor's, an inspector's…)
/// adds its row here: its route, the role that opens it, and the API read it is built on.
/// </summary>
public static class PageRows
{
    public static readonly IReadOnlyList<PageRow> All =
    [
        new("单位考评表 unit scorecard /units/{id}", "office", p => $"/units/{p.UnitId}?year={p.Year}", p => $"/api/units/{p.UnitId}/score?year={p.Year}"),
        new("加减分记录 entries list /entries?unitId=", "office", p => $"/entries?unitId={p.UnitId}", p => $"/api/entries?unitId={p.UnitId}&limit=100"),
        new("人员考评表 person scorecard /people/{id}", "office", p => $"/people/{p.PersonId}?year={p.Year}", p => $"/api/people/{p.PersonId}/score?year={p.Year}"),
        new("今日待办 office start /", "office", _ => "/", _ => "/api/warnings"),
        new("审计回放 auditor replay and what changed /audit/units/{id}", "auditor", p => $"/audit/units/{p.UnitId}?year={p.Year}&since={p.Year}-07-01T00:00:00Z", p => $"/api/units/{p.UnitId}/changes?year={p.Year}&from={p.Year}-07-01T00:00:00Z"),
        new("证据链 inspector's evidence trail /inspect?unitId=", "inspector", p => $"/inspect?unitId={p.UnitId}", p => $"/api/evidence?unitId={p.UnitId}&limit=50"),
        new("单位排名 ranking /audit/rankings", "auditor", p => $"/audit/rankings?year={p.Year}&asOf={p.Year}-12-31", p => $"/api/rankings?year={p.Year}&asOf={p.Year}-12-31"),
    ];

    /// <summary>Random points of the year: any unit, and a person who belonged to a unit in it (a person is scored only then).</summary>
    public static List<PagePoint> Points(CityPlan plan, int year, int seed, int count)
    {
        var rng = new Random(seed);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var members = plan.People.Where(p => p.Spells.Any(s => s.From <= last && (s.To is null || s.To >= first))).ToList();
        return Enumerable.Range(0, count)
            .Select(_ => new PagePoint(plan.Units[rng.Next(plan.Units.Count)].Id, members[rng.Next(members.Count)].Id, year))
            .ToList();
    }
}
