using System.Text.Json;
using Hotline.Ledger.Benchmarks.City;
using Hotline.Ledger.Ledger.Entries;
using Hotline.Ledger.Ledger.Marks;
using Hotline.Ledger.MonthlyReports;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Time;

namespace Hotline.Ledger.Tests.Benchmarks;

/// <summary>The synthetic city must be the same city every time, and a believable one.</summary>
[Trait("Category", "Domain")]
public class CityGeneratorTests
{
    private static readonly RulebookCatalog Catalog = new(RulebookLoader.LoadBuiltIn());
    private static readonly Rulebook Rulebook = Catalog.All[0];

    private static List<CityOp> Timeline(int seed) =>
        new CityGenerator(CityPlan.Build(CityScale.Small, seed), Catalog, seed).Timeline().ToList();

    private static string Fingerprint(IEnumerable<CityOp> ops) =>
        string.Join('\n', ops.Select(op => op switch
        {
            LedgerOp l => $"{l.RecordedAt:O} {l.StreamId} {l.Event.GetType().Name} {JsonSerializer.Serialize(l.Event, l.Event.GetType())}",
            CaseOp c => $"{c.RecordedAt:O} {c.CaseStream} {JsonSerializer.Serialize(c.Event)}",
            _ => "?",
        }));

    [Fact]
    public void The_same_seed_gives_the_same_city_event_for_event()
    {
        var first = Timeline(7);
        var second = Timeline(7);
        Assert.Equal(first.Count, second.Count);
        Assert.Equal(Fingerprint(first), Fingerprint(second));
        Assert.NotEqual(Fingerprint(first.Take(2_000)), Fingerprint(Timeline(8).Take(2_000)));
    }

    [Fact]
    public void The_city_holds_every_kind_of_fact_in_the_order_the_ledger_learns_them()
    {
        var ops = Timeline(11);
        var today = OfficeCalendar.EndOf(CityScale.Small.Today.AddDays(-1));
        Assert.True(ops.Zip(ops.Skip(1)).All(p => p.First.RecordedAt <= p.Second.RecordedAt), "recorded out of order");
        Assert.All(ops, op => Assert.True(op.RecordedAt < today, $"{op} is recorded after the city's today"));

        var entries = ops.OfType<LedgerOp>().Select(o => o.Event).OfType<EntryRecorded>().ToList();
        // D3.1 and D3.3 are the ledger's own, recorded by the deadline judge from the case feed and the monthly reports.
        var entryClauses = Rulebook.Clauses.Where(c => c.IsEntryClause && c.Code is not ("D3.1" or "D3.3")).Select(c => c.Code);
        Assert.All(entryClauses, code => Assert.Contains(entries, e => e.Clause == code));
        Assert.Contains(ops.OfType<LedgerOp>(), o => o.Event is EntryRescinded);
        Assert.Contains(ops.OfType<LedgerOp>(), o => o.Event is PersonTransferred);
        var marked = ops.OfType<LedgerOp>().Select(o => o.Event).OfType<MarkRecorded>().Select(m => m.Clause).ToHashSet();
        Assert.All(Rulebook.ScoredCriteria(SubjectKind.Unit).Concat(Rulebook.ScoredCriteria(SubjectKind.Person)).Where(c => !c.IsComputed),
            c => Assert.Contains(c.Code, marked));
        Assert.DoesNotContain(marked, code => Rulebook.Find(code)!.IsComputed);

        string[] caseTypes = ["assigned", "signedFor", "returned", "reassigned", "extensionRequested", "extensionGranted", "replied", "explained", "completed", "returnVisit", "onlineVote", "reopened"];
        var seen = ops.OfType<CaseOp>().Select(c => c.Event.Type).ToHashSet();
        Assert.All(caseTypes, t => Assert.Contains(t, seen));
    }

    [Fact]
    public void A_persons_entries_name_the_unit_they_belonged_to_that_day_and_once_a_year_clauses_come_once()
    {
        var plan = CityPlan.Build(CityScale.Small, 3);
        var ops = new CityGenerator(plan, Catalog, 3).Timeline().ToList();
        var people = plan.People.ToDictionary(p => p.Id);
        var entries = ops.OfType<LedgerOp>().Select(o => o.Event).OfType<EntryRecorded>().ToList();
        foreach (var e in entries.Where(e => e.PersonId is not null))
            Assert.Equal(plan.Units[people[e.PersonId!.Value].UnitOn(e.OccurredOn)].Id, e.UnitId);

        foreach (var code in new[] { "B3", "B4" })
        {
            var yearly = entries.Where(e => e.Clause == code).ToList();
            Assert.Equal(yearly.Count, yearly.Select(e => (e.UnitId, e.OccurredOn.Year)).Distinct().Count());
            var withPeople = yearly.Where(e => e.PersonId is not null).ToList();
            Assert.Equal(withPeople.Count, withPeople.Select(e => (e.PersonId, e.OccurredOn.Year)).Distinct().Count());
        }
    }

    [Fact]
    public void With_the_case_feed_units_send_monthly_reports_and_the_ledger_deducts_missed_deadlines_itself()
    {
        static int HandMade(IEnumerable<CityOp> ops) =>
            ops.OfType<LedgerOp>().Select(o => o.Event).OfType<EntryRecorded>().Count(e => e.Clause is "D3.1" or "D3.3");
        var landed = Timeline(5);
        Assert.Equal(0, HandMade(landed));

        var reports = landed.OfType<LedgerOp>().Select(o => o.Event).OfType<MonthlyReportSubmitted>().ToList();
        var owed = CityScale.Small.Units * 12 * CityScale.Small.Years;
        Assert.InRange(reports.Count, owed * 95 / 100, owed - 1);
        Assert.Equal(reports.Count, reports.Select(r => (r.UnitId, r.Month)).Distinct().Count());
        Assert.Contains(reports, r => r.SubmittedAt >= r.DueAt);
    }
}
