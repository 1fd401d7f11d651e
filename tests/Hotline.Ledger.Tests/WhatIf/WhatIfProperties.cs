using System.Net;
using System.Text.Json;
using CsCheck;
using Hotline.Ledger.Tests.Support;
using Xunit.Abstractions;
using static Hotline.Ledger.Tests.WhatIf.Drafting;

namespace Hotline.Ledger.Tests.WhatIf;

/// <summary>
/// Random histories (entries of every clause, rescissions, transfers, marks) fed through the API; at random
/// points on both clocks a draft identical to the rulebook in force moves nobody, the what-if's current side
/// equals every subject's scorecard, and a changed draft's side equals every subject's scorecard under it.
/// </summary>
[Collection(WhatIfPropertiesCollection.Name)]
public class WhatIfProperties(LedgerApp app, ITestOutputHelper output) : LedgerTest(app)
{
    /// <summary>
    /// How many random histories a run plays: 10 in a developer's run, 30 when <c>HOTLINE_WHATIF_HISTORIES</c> says
    /// so, as CI's full run does. Every run draws new histories.
    /// </summary>
    public static readonly int Histories =
        int.TryParse(Environment.GetEnvironmentVariable("HOTLINE_WHATIF_HISTORIES"), out var n) && n > 0 ? n : 10;

    private static readonly DateOnly Day0 = new(2020, 1, 1);
    private static readonly string[] EntryClauses = ["B1", "B2.1", "B2.2", "B2.3", "B3", "B4", "D1", "D2", "D3.1", "D3.2", "D3.3"];
    private static readonly HashSet<string> UnitOnly = ["D3.1", "D3.2", "D3.3"];
    private static readonly HashSet<string> Ranged = ["B4", "D1", "D2"];
    private static readonly (string Code, decimal Max)[] UnitCriteria = [("U1.1", 10), ("U1.2", 10), ("U4.5", 5)];
    private static readonly (string Code, decimal Max)[] PersonCriteria = [("I3", 10), ("I8", 10)];

    public sealed record Op(int Kind, int Clause, int Subject, int Day, int Points);

    public sealed record Probe(int Year, int AsOfDay, int KnownAtPick);

    public sealed record History(int Units, int[] People, int MoveDay, Op[] Ops, Probe[] Probes);

    private static readonly Gen<History> GenHistory =
        from units in Gen.Int[2, 4]
        from people in Gen.Int[0, 3].Array[1, 4]
        from moveDay in Gen.Int[1, 700]
        from ops in Gen.Select(Gen.Frequency((6, Gen.Const(0)), (2, Gen.Const(1)), (2, Gen.Const(2))),
            Gen.Int[0, 100], Gen.Int[0, 100], Gen.Int[0, 730], Gen.Int[0, 10],
            (kind, clause, subject, day, points) => new Op(kind, clause, subject, day, points)).Array[4, 14]
        from probes in Gen.Select(Gen.Int[2020, 2021], Gen.Int[0, 730], Gen.Int[0, 1000], (y, a, k) => new Probe(y, a, k)).Array[1, 2]
        select new History(units, people, moveDay, ops, probes);

    [Fact]
    public async Task A_draft_identical_to_the_rulebook_in_force_moves_nobody_and_both_sides_equal_the_scorecards()
    {
        var subjects = 0;
        await GenHistory.SampleAsync(async history =>
        {
            await App.Reset();
            var (units, people, instants) = await Play(history);
            var same = await Draft(App, book => book);
            var changed = await Draft(App, book =>
            {
                Clause(book, "B2.1")["points"] = 4;
                Clause(book, "D1")["minPoints"] = 6;
                Clause(book, "D1")["maxPoints"] = 8;
                Clause(book, "U1.1")["points"] = 8;
                Clause(book, "U1.2")["points"] = 12;
                return Drop(book, "D3.3");
            });

            foreach (var probe in history.Probes)
            {
                var asOf = Day0.AddDays(probe.AsOfDay);
                if (asOf.Year != probe.Year) asOf = asOf.Year < probe.Year ? new DateOnly(probe.Year, 1, 1) : new DateOnly(probe.Year, 12, 31);
                var knownAt = instants[probe.KnownAtPick % instants.Count];
                var query = $"year={probe.Year}&asOf={asOf:yyyy-MM-dd}&knownAt={Iso(knownAt)}";

                var identical = await App.Ok($"/api/what-if?draft={same}&{query}");
                foreach (var row in identical.GetProperty("units").EnumerateArray().Concat(identical.GetProperty("people").EnumerateArray()))
                {
                    Assert.True(Delta(row) == 0m && row.GetProperty("rankMove").GetInt32() == 0 && Causes(row).Length == 0, $"{query}: {row}");
                    Assert.Equal(row.GetProperty("current").ToString(), row.GetProperty("draft").ToString());
                }

                var whatIf = await App.Ok($"/api/what-if?draft={changed}&{query}");
                subjects += await SidesEqualScorecards(whatIf, "units", "unitId", units, changed, query);
                subjects += await SidesEqualScorecards(whatIf, "people", "personId", people, changed, query);
            }
        }, iter: Histories, threads: 1, writeLine: output.WriteLine);
        output.WriteLine($"{Histories} histories, {subjects} subjects compared with their scorecards");
    }

    private async Task<int> SidesEqualScorecards(JsonElement whatIf, string kind, string idField, Guid[] ids, Guid draft, string query)
    {
        var rows = whatIf.GetProperty(kind).EnumerateArray().ToDictionary(r => r.GetProperty(idField).GetGuid());
        foreach (var id in ids.Where(rows.ContainsKey))
        {
            var current = await App.Ok($"/api/{kind}/{id}/score?{query}");
            var drafted = await App.Ok($"/api/{kind}/{id}/score?{query}&rulebook=draft:{draft}");
            Assert.Equal(current.GetProperty("total").GetDecimal(), rows[id].GetProperty("current").GetProperty("total").GetDecimal());
            Assert.True(drafted.GetProperty("total").GetDecimal() == rows[id].GetProperty("draft").GetProperty("total").GetDecimal(),
                $"{kind} {id} {query}: scorecard {drafted.GetProperty("total")} but what-if {rows[id]}");
        }

        // Ranked by the draft, highest first.
        var order = whatIf.GetProperty(kind).EnumerateArray().Select(r => r.GetProperty("draft").GetProperty("rank").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, order.Count), order);
        return rows.Count;
    }

    private async Task<(Guid[] Units, Guid[] People, List<DateTimeOffset> Instants)> Play(History h)
    {
        var units = new Guid[h.Units];
        for (var i = 0; i < h.Units; i++) units[i] = await App.NewUnit($"WP{i}");
        var homes = h.People.Select(p => p % h.Units).ToArray();
        var people = new Guid[homes.Length];
        // Every other person moves to the next unit on the move day: their entries follow them.
        int UnitOf(int person, int day) => person % 2 == 1 && day >= h.MoveDay ? (homes[person] + 1) % h.Units : homes[person];
        for (var i = 0; i < homes.Length; i++)
        {
            people[i] = await App.NewPerson(units[homes[i]], "2020-01-01", $"人{i}");
            if (i % 2 == 1)
                await App.Created($"/api/people/{people[i]}/transfers",
                    new { toUnitId = units[(homes[i] + 1) % h.Units], effectiveOn = Day0.AddDays(h.MoveDay).ToString("yyyy-MM-dd") }, HttpStatusCode.OK);
        }

        var instants = new List<DateTimeOffset>();
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
                    var unit = withPerson ? UnitOf(person, op.Day) : op.Subject % h.Units;
                    var reply = await App.Post("/api/entries", new
                    {
                        clause, unitId = units[unit], personId = withPerson ? people[person] : (Guid?)null,
                        occurredOn = Day0.AddDays(op.Day).ToString("yyyy-MM-dd"), points = Ranged.Contains(clause) ? 5 + op.Points / 2m : (decimal?)null, reason = "随机历史",
                    });
                    Assert.True(reply.Status == HttpStatusCode.Created || (reply.Status == HttpStatusCode.Conflict && clause is "B3" or "B4"), reply.Text);
                    if (reply.Status != HttpStatusCode.Created) break;
                    recorded.Add(reply.Json.GetProperty("id").GetGuid());
                    instants.Add(reply.Json.GetProperty("recordedAt").GetDateTimeOffset());
                    break;
                }
                case 1 when recorded.Count > 0:
                {
                    var reply = await App.Post($"/api/entries/{recorded[op.Subject % recorded.Count]}/rescind", new { reason = "更正" });
                    Assert.True(reply.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, reply.Text);
                    if (reply.Status == HttpStatusCode.OK) instants.Add(reply.Json.GetProperty("rescission").GetProperty("rescindedAt").GetDateTimeOffset());
                    break;
                }
                case 2:
                {
                    var forUnit = op.Clause % 2 == 0;
                    var (code, max) = forUnit ? UnitCriteria[op.Clause / 2 % UnitCriteria.Length] : PersonCriteria[op.Clause / 2 % PersonCriteria.Length];
                    var mark = await App.Created("/api/marks", new
                    {
                        year = 2020 + op.Day % 2, clause = code,
                        unitId = forUnit ? units[op.Subject % h.Units] : (Guid?)null,
                        personId = forUnit ? (Guid?)null : people[op.Subject % people.Length],
                        points = Math.Round(max * op.Points / 10m, 2), reason = "评分",
                    });
                    instants.Add(mark.GetProperty("recordedAt").GetDateTimeOffset());
                    break;
                }
            }
        }

        instants.Add(DateTimeOffset.UtcNow);
        if (instants.Count > 1) instants.Add(instants[0].AddTicks(-10));
        return (units, people, instants);
    }
}
