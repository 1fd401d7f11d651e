using System.Net;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;
using static Hotline.Ledger.Tests.WhatIf.Drafting;

namespace Hotline.Ledger.Tests.WhatIf;

/// <summary>What-ifs worked out by hand: each draft changes one thing, and exactly the subjects it touches move.</summary>
[Collection(ScoringCollection.Name)]
public class WhatIfTests(LedgerApp app) : LedgerTest(app)
{
    private async Task<JsonElement> Entry(string clause, Guid unit, Guid? person = null, decimal? points = null, string occurredOn = "2020-05-10") =>
        await App.Created("/api/entries", new { clause, unitId = unit, personId = person, occurredOn, points, reason = "r" });

    [Fact]
    public async Task Raising_B2_1_from_2_to_4_points_moves_exactly_the_subjects_with_B2_1_entries_by_2_per_entry()
    {
        var a = await App.NewUnit("WA");
        var b = await App.NewUnit("WB");
        var c = await App.NewUnit("WC");
        var person = await App.NewPerson(a, "2020-01-01", "李四");
        await Entry("B2.1", a);
        await Entry("B2.1", a, person);
        await Entry("B1", a);
        await Entry("B2.3", b);
        await Entry("B1", b);
        var draft = await Draft(App, book => { Clause(book, "B2.1")["points"] = 4; return book; });

        var events = await App.EventCount();
        var whatIf = await App.Ok($"/api/what-if?draft={draft}&year=2020&asOf=2020-12-31");
        Assert.Equal(events, await App.EventCount());

        // Current: B 2+5 = 7, A 2+2+2 = 6, C 0. Draft: A 4+4+2 = 10, B 7, C 0.
        Assert.Equal([a, b, c], whatIf.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitId").GetGuid()));
        var rowA = Unit(whatIf, a);
        Assert.Equal((6m, 2, 10m, 1, 4m, 1), (rowA.GetProperty("current").GetProperty("total").GetDecimal(), rowA.GetProperty("current").GetProperty("rank").GetInt32(),
            rowA.GetProperty("draft").GetProperty("total").GetDecimal(), rowA.GetProperty("draft").GetProperty("rank").GetInt32(), Delta(rowA), rowA.GetProperty("rankMove").GetInt32()));
        Assert.Equal([("B2.1", 4m, 8m, "changed")], Causes(rowA));
        Assert.Equal("不合格", rowA.GetProperty("draft").GetProperty("grade").GetString());
        var rowB = Unit(whatIf, b);
        Assert.Equal((0m, -1), (Delta(rowB), rowB.GetProperty("rankMove").GetInt32()));
        Assert.Empty(Causes(rowB));
        Assert.Equal(0m, Delta(Unit(whatIf, c)));

        var personRow = Person(whatIf, person);
        Assert.Equal(2m, Delta(personRow));
        Assert.Equal(a, personRow.GetProperty("unitId").GetGuid());
        Assert.Equal([("B2.1", 2m, 4m, "changed")], Causes(personRow));
        Assert.Equal([("B2.1", "changed", 2)], whatIf.GetProperty("changes").EnumerateArray()
            .Select(ch => (ch.GetProperty("clause").GetString(), ch.GetProperty("change").GetString(), ch.GetProperty("entries").GetInt32())));

        // The current side is the ranking under the rulebook in force; one scorecard under the draft agrees with the draft side.
        var ranking = (await App.Ok("/api/rankings?year=2020&asOf=2020-12-31")).EnumerateArray().ToList();
        Assert.All(ranking, r => Assert.Equal(r.GetProperty("total").GetDecimal(), Unit(whatIf, r.GetProperty("unitId").GetGuid()).GetProperty("current").GetProperty("total").GetDecimal()));
        var card = await App.Ok($"/api/units/{a}/score?year=2020&asOf=2020-12-31&rulebook=draft:{draft}");
        Assert.Equal(($"draft:{draft}", 10m), (card.GetProperty("rulebook").GetString(), card.GetProperty("total").GetDecimal()));
        var personCard = await App.Ok($"/api/people/{person}/score?year=2020&asOf=2020-12-31&rulebook=draft:{draft}");
        Assert.Equal(4m, personCard.GetProperty("bonusTotal").GetDecimal());
    }

    [Fact]
    public async Task A_what_if_appends_nothing_and_is_recorded_as_a_replay()
    {
        await App.NewUnit("WR");
        var draft = await Draft(App, book => book);
        var events = await App.EventCount();
        await App.Ok($"/api/what-if?draft={draft}&year=2020");
        Assert.Equal(events, await App.EventCount());

        var reads = (await App.Ok("/api/audit/reads?kind=scoreReplay")).EnumerateArray().ToList();
        Assert.Contains(reads, r => r.GetProperty("path").GetString() == "/api/what-if" && r.GetProperty("query").GetString()!.Contains($"draft={draft}"));
    }

    [Fact]
    public async Task Dropping_D3_3_removes_those_deductions_and_shows_the_entries_it_no_longer_counts()
    {
        var unit = await App.NewUnit("WD");
        var other = await App.NewUnit("WE");
        await Entry("D3.3", unit, occurredOn: "2020-03-06");
        await Entry("D3.3", unit, occurredOn: "2020-04-06");
        await Entry("D1", unit, points: 5);
        await Entry("D1", other, points: 6);
        var draft = await Draft(App, book => Drop(book, "D3.3"));

        var whatIf = await App.Ok($"/api/what-if?draft={draft}&year=2020&asOf=2020-12-31");
        // Current: -5 -5 -5 = -15; draft: -5. The other unit's D1 is untouched.
        var row = Unit(whatIf, unit);
        Assert.Equal((-15m, -5m, 10m), (row.GetProperty("current").GetProperty("total").GetDecimal(), row.GetProperty("draft").GetProperty("total").GetDecimal(), Delta(row)));
        Assert.Equal([("D3.3", -10m, (decimal?)null, "dropped")], Causes(row));
        Assert.Equal(0m, Delta(Unit(whatIf, other)));
        var dropped = whatIf.GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(("D3.3", "dropped", 2), (dropped.GetProperty("clause").GetString(), dropped.GetProperty("change").GetString(), dropped.GetProperty("entries").GetInt32()));

        // The scorecard under the draft still lists the entries, at no points.
        var card = await App.Ok($"/api/units/{unit}/score?year=2020&asOf=2020-12-31&rulebook=draft:{draft}");
        Assert.Equal(-5m, card.GetProperty("total").GetDecimal());
        Assert.Equal([0m, 0m], card.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("clause").GetString() == "D3.3").Select(e => e.GetProperty("points").GetDecimal()));
    }

    [Fact]
    public async Task A_what_if_as_known_before_a_rescission_counts_the_rescinded_entry_under_both_rulebooks()
    {
        var unit = await App.NewUnit("WS");
        var entry = await Entry("B2.1", unit);
        var rescinded = await App.Created($"/api/entries/{entry.GetProperty("id").GetGuid()}/rescind", new { reason = "更正" }, HttpStatusCode.OK);
        var rescindedAt = rescinded.GetProperty("rescission").GetProperty("rescindedAt").GetDateTimeOffset();
        var draft = await Draft(App, book => { Clause(book, "B2.1")["points"] = 4; return book; });

        var before = Unit(await App.Ok($"/api/what-if?draft={draft}&year=2020&asOf=2020-12-31&knownAt={Iso(rescindedAt.AddTicks(-10))}"), unit);
        Assert.Equal((2m, 4m, 2m), (before.GetProperty("current").GetProperty("total").GetDecimal(), before.GetProperty("draft").GetProperty("total").GetDecimal(), Delta(before)));

        var after = Unit(await App.Ok($"/api/what-if?draft={draft}&year=2020&asOf=2020-12-31&knownAt={Iso(rescindedAt)}"), unit);
        Assert.Equal((0m, 0m), (after.GetProperty("current").GetProperty("total").GetDecimal(), after.GetProperty("draft").GetProperty("total").GetDecimal()));
    }

    [Fact]
    public async Task A_draft_that_adds_a_criterion_shows_it_for_every_subject_it_applies_to()
    {
        var unit = await App.NewUnit("WN");
        await App.Created("/api/marks", new { year = 2020, clause = "U1.2", unitId = unit, points = 10, reason = "r" });
        // U1.2 becomes 5 and a new criterion U1.3 takes the other 5: the old mark of 10 counts up to the new 5.
        var draft = await Draft(App, book =>
        {
            Clause(book, "U1.2")["points"] = 5;
            var added = Clause(book, "U1.2").DeepClone().AsObject();
            added["code"] = "U1.3";
            added["title"] = "新增条款";
            book["clauses"]!.AsArray().Insert(3, added);
            return book;
        });

        var row = Unit(await App.Ok($"/api/what-if?draft={draft}&year=2020"), unit);
        Assert.Equal([("U1.2", 10m, 5m, "changed"), ("U1.3", (decimal?)null, 0m, "added")], Causes(row));
        Assert.Equal(-5m, Delta(row));
    }

    [Fact]
    public async Task A_what_if_refuses_a_missing_draft_and_a_bad_query()
    {
        await Refused(() => App.Get("/api/what-if?year=2020"), HttpStatusCode.BadRequest, "draft");
        await Refused(() => App.Get($"/api/what-if?draft={Guid.NewGuid()}&year=2020"), HttpStatusCode.NotFound);
        var draft = await Draft(App, book => book);
        await Refused(() => App.Get($"/api/what-if?draft={draft}&year=2020&asOf=2019-05-01"), HttpStatusCode.BadRequest, "asOf");
    }
}
