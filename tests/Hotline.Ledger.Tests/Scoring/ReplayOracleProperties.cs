using System.Net;
using System.Text.Json;
using CsCheck;
using Hotline.Ledger.Tests.Support;
using Xunit.Abstractions;

namespace Hotline.Ledger.Tests.Scoring;

/// <summary>
/// Random histories — entries of every clause, rescissions, transfers, marks, recorded in an order
/// unlike their occurredOn — are fed through the API; for random points on both clocks the API's
/// scorecards and ranking must equal the naive replay's.
/// </summary>
/// <remarks>
/// The longest test of the suite has a host and schema of its own, so that it runs beside the other
/// collections instead of after them.
/// </remarks>
[Collection(OracleCollection.Name)]
public class ReplayOracleProperties(LedgerApp app, ITestOutputHelper output) : LedgerTest(app)
{
    /// <summary>
    /// How many random histories a run plays: 30 in a developer's run (about half a minute), 200 when
    /// <c>HOTLINE_ORACLE_HISTORIES</c> says so, as CI's full run does. Every run draws new histories, so the
    /// developers' runs together cover far more than one CI run.
    /// </summary>
    public static readonly int Histories =
        int.TryParse(Environment.GetEnvironmentVariable("HOTLINE_ORACLE_HISTORIES"), out var n) && n > 0 ? n : 30;

    private static readonly DateOnly Day0 = new(2020, 1, 1);

    // Boundaries are drawn often: 1 Jan, 30 Jun, 1 Jul, 31 Dec of both years.
    private static readonly int[] BoundaryDays = [0, 181, 182, 365, 366, 546, 547, 730];

    private static readonly string[] EntryClauses = ["B1", "B2.1", "B2.2", "B2.3", "B3", "B4", "D1", "D2", "D3.1", "D3.2", "D3.3"];
    private static readonly HashSet<string> UnitOnly = ["D3.1", "D3.2", "D3.3"];
    private static readonly HashSet<string> Ranged = ["B4", "D1", "D2"];
    private static readonly (string Code, decimal Max)[] UnitCriteria = [("U1.1", 10), ("U2.3", 6), ("U4.5", 5)];
    private static readonly (string Code, decimal Max)[] PersonCriteria = [("I3", 10), ("I8", 10)];

    public sealed record PersonPlan(int HomeUnit, int? MoveTo, int MoveDay);

    public sealed record Op(int Kind, int Clause, int Subject, int Day, int Points, int Year);

    public sealed record Probe(bool Unit, int Subject, int Year, int AsOfDay, int KnownAtPick);

    public sealed record History(int Units, PersonPlan[] People, Op[] Ops, Probe[] Probes);

    private static readonly Gen<int> GenDay = Gen.Frequency((1, Gen.Int[0, 730]), (1, Gen.OneOf(BoundaryDays)));

    private static readonly Gen<History> GenHistory =
        from units in Gen.Int[2, 3]
        from people in Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3].Select(m => m == 3 ? (int?)null : m), Gen.Int[1, 700],
            (home, move, day) => new PersonPlan(home, move, day)).Array[1, 3]
        from ops in Gen.Select(Gen.Frequency((6, Gen.Const(0)), (2, Gen.Const(1)), (2, Gen.Const(2))),
            Gen.Int[0, 100], Gen.Int[0, 100], GenDay, Gen.Int[0, 10], Gen.Int[2020, 2021],
            (kind, clause, subject, day, points, year) => new Op(kind, clause, subject, day, points, year)).Array[4, 14]
        from probes in Gen.Select(Gen.Bool, Gen.Int[0, 100], Gen.Int[2020, 2021], GenDay, Gen.Int[0, 1000],
            (unit, subject, year, asOf, known) => new Probe(unit, subject, year, asOf, known)).Array[4, 6]
        select new History(units, people, ops, probes);

    [Fact]
    public async Task Scorecards_and_rankings_equal_the_naive_replay_for_random_histories()
    {
        var checkedProbes = 0;
        await GenHistory.SampleAsync(async history =>
        {
            await App.Reset();
            var world = await Play(history);
            checkedProbes += await Compare(history, world);
        }, iter: Histories, threads: 1, writeLine: output.WriteLine);
        output.WriteLine($"{Histories} histories, {checkedProbes} probes checked against the oracle");
    }

    private sealed record World(Guid[] Units, Guid[] People, PersonPlan[] Plans);

    private async Task<World> Play(History h)
    {
        var units = new Guid[h.Units];
        for (var i = 0; i < h.Units; i++) units[i] = await App.NewUnit($"P{i}");

        var people = new Guid[h.People.Length];
        var plans = h.People.Select(p => p with { HomeUnit = p.HomeUnit % h.Units, MoveTo = p.MoveTo is { } m && m % h.Units != p.HomeUnit % h.Units ? m % h.Units : null }).ToArray();
        for (var i = 0; i < plans.Length; i++)
        {
            people[i] = await App.NewPerson(units[plans[i].HomeUnit], "2020-01-01", $"人{i}");
            if (plans[i].MoveTo is { } to)
                await App.Created($"/api/people/{people[i]}/transfers", new { toUnitId = units[to], effectiveOn = Date(plans[i].MoveDay) }, HttpStatusCode.OK);
        }

        var recorded = new List<Guid>();
        foreach (var op in h.Ops)
        {
            switch (op.Kind)
            {
                case 0:
                {
                    var clause = EntryClauses[op.Clause % EntryClauses.Length];
                    var withPerson = !UnitOnly.Contains(clause) && op.Subject % 3 != 0;
                    var person = op.Subject % people.Length;
                    var unit = withPerson ? UnitOn(plans[person], op.Day) : op.Subject % h.Units;
                    decimal? points = Ranged.Contains(clause) ? 5 + op.Points / 2m : null;
                    var reply = await App.Post("/api/entries", new
                    {
                        clause, unitId = units[unit], personId = withPerson ? people[person] : (Guid?)null,
                        occurredOn = Date(op.Day), points, reason = "随机历史",
                    });
                    // Once-per-year clauses may legitimately collide; everything else must be accepted.
                    Assert.True(reply.Status == HttpStatusCode.Created || (reply.Status == HttpStatusCode.Conflict && clause is "B3" or "B4"), reply.Text);
                    if (reply.Status == HttpStatusCode.Created) recorded.Add(reply.Json.GetProperty("id").GetGuid());
                    break;
                }
                case 1 when recorded.Count > 0:
                {
                    var reply = await App.Post($"/api/entries/{recorded[op.Subject % recorded.Count]}/rescind", new { reason = "更正" });
                    Assert.True(reply.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, reply.Text);
                    break;
                }
                case 2:
                {
                    var forUnit = op.Clause % 2 == 0;
                    var (code, max) = forUnit ? UnitCriteria[op.Clause / 2 % UnitCriteria.Length] : PersonCriteria[op.Clause / 2 % PersonCriteria.Length];
                    await App.Created("/api/marks", new
                    {
                        year = op.Year, clause = code,
                        unitId = forUnit ? units[op.Subject % h.Units] : (Guid?)null,
                        personId = forUnit ? (Guid?)null : people[op.Subject % people.Length],
                        points = Math.Round(max * op.Points / 10m, 2), reason = "评分",
                    });
                    break;
                }
            }
        }

        return new World(units, people, plans);
    }

    private async Task<int> Compare(History h, World world)
    {
        var oracle = await NaiveLedger.Load(App.Store);
        var instants = oracle.Events.Select(e => e.Timestamp).Distinct().Order().ToList();
        // Exactly at each event, between each pair, before the first, and now.
        var candidates = new List<DateTimeOffset> { instants[0].AddMilliseconds(-1), DateTimeOffset.UtcNow };
        candidates.AddRange(instants);
        candidates.AddRange(instants.Zip(instants.Skip(1), (a, b) => a + (b - a) / 2));

        foreach (var probe in h.Probes)
        {
            var subject = probe.Unit ? world.Units[probe.Subject % world.Units.Length] : world.People[probe.Subject % world.People.Length];
            var asOf = Day0.AddDays(probe.AsOfDay);
            if (asOf.Year < probe.Year) asOf = new DateOnly(probe.Year, 1, 1);
            // An asOf outside the year is refused on every route (ADR 0067): probe the year's last day instead.
            if (asOf.Year > probe.Year) asOf = new DateOnly(probe.Year, 12, 31);
            var knownAt = candidates[probe.KnownAtPick % candidates.Count];
            var query = $"year={probe.Year}&asOf={asOf:yyyy-MM-dd}&knownAt={Uri.EscapeDataString(knownAt.UtcDateTime.ToString("O"))}";

            var card = await App.Ok($"/api/{(probe.Unit ? "units" : "people")}/{subject}/score?{query}");
            var expected = oracle.Score(probe.Unit, subject, probe.Year, asOf, knownAt);
            AssertSame(expected, NaiveLedger.FromApi(card), $"{(probe.Unit ? "unit" : "person")} {subject} {query}");

            if (probe.Unit)
            {
                var ranking = (await App.Ok($"/api/rankings?{query}")).EnumerateArray().ToList();
                Assert.Equal(oracle.UnitsKnownAt(knownAt), new SortedSet<Guid>(ranking.Select(r => r.GetProperty("unitId").GetGuid())));
                foreach (var row in ranking)
                    Assert.Equal(oracle.Score(true, row.GetProperty("unitId").GetGuid(), probe.Year, asOf, knownAt).Total, row.GetProperty("total").GetDecimal());
                Assert.True(ranking.Zip(ranking.Skip(1)).All(p => p.First.GetProperty("total").GetDecimal() >= p.Second.GetProperty("total").GetDecimal()));
            }
        }

        return h.Probes.Length;
    }

    private static void AssertSame(NaiveLedger.Answer expected, NaiveLedger.Answer actual, string where)
    {
        Assert.True(expected.Entries.SetEquals(actual.Entries), $"entries differ at {where}");
        Assert.True(expected.Criteria.SequenceEqual(actual.Criteria), $"criteria differ at {where}: expected {string.Join(",", expected.Criteria)} got {string.Join(",", actual.Criteria)}");
        Assert.Equal((expected.CriteriaTotal, expected.BonusTotal, expected.DeductionTotal, expected.Total),
            (actual.CriteriaTotal, actual.BonusTotal, actual.DeductionTotal, actual.Total));
    }

    private static int UnitOn(PersonPlan plan, int day) => plan.MoveTo is { } to && day >= plan.MoveDay ? to : plan.HomeUnit;

    private static string Date(int day) => Day0.AddDays(day).ToString("yyyy-MM-dd");
}
