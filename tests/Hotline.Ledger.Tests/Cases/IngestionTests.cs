using System.Net;
using System.Text;
using System.Text.Json;
using Hotline.Ledger.Cases;
using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Tests.Support;
using Hotline.Ledger.Time;
using Marten;

namespace Hotline.Ledger.Tests.Cases;

public class IngestionTests(CaseFeedApp app) : CaseFeedTest(app)
{
    private async Task<(int Year, Guid Unit, DateTimeOffset At)> Setup()
    {
        var year = Stage();
        var unit = await App.NewUnit();
        MoveTo(Local(year, 6, 1));
        return (year, unit, Local(year, 5, 10, 9));
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_index_with_their_reasons_and_the_good_rows_are_kept()
    {
        var (_, unit, at) = await Setup();
        var before = await App.EventCount();
        var answer = await IngestSome(
            Row("E1", "C1", "assigned", at, unit, replyDueAt: at.AddDays(1)),
            Row("E2", "C1", "teleported", at),
            Row("E3", "C1", "replied", at.AddYears(5)),
            Row("E4", "C1", "returnVisit", at.AddHours(3), result: "delighted"),
            Row("E5", "C2", "assigned", at, Guid.NewGuid()),
            Row("E6", "C1", "assigned", at, unit, replyDueAt: at.AddHours(-1)),
            new { caseNumber = "C1", type = "replied", at = "yesterday" },
            Row("E8", "C1", "replied", at.AddHours(2)));

        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        var rejected = answer.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], rejected.Select(r => r.GetProperty("index").GetInt32()));
        string Fault(int i, string field) => rejected.Single(r => r.GetProperty("index").GetInt32() == i).GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Contains("not a case event type", Fault(1, "type"));
        Assert.Contains("future", Fault(2, "at"));
        Assert.Contains("satisfied, basicallySatisfied", Fault(3, "result"));
        Assert.Contains("no unit", Fault(4, "unitId"));
        Assert.Contains("after 'at'", Fault(5, "replyDueAt"));
        Assert.Contains("required", Fault(6, "eventId"));
        Assert.Contains("ISO-8601", Fault(6, "at"));
        Assert.Equal("E2", rejected[0].GetProperty("eventId").GetString());
        Assert.Equal(before + 2, await App.EventCount());

        var c1 = await App.Ok("/api/cases/C1");
        Assert.Equal(["E1", "E8"], c1.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("eventId").GetString()));
        Assert.Equal(404, (int)(await App.Get("/api/cases/C2")).Status);
    }

    [Fact]
    public async Task A_row_seen_before_is_a_duplicate_that_changes_nothing_even_within_one_batch()
    {
        var (year, unit, at) = await Setup();
        var assigned = Row("D1", "DUP", "assigned", at, unit, replyDueAt: at.AddDays(1));
        var completed = Row("D2", "DUP", "completed", at.AddDays(2));
        var first = await Ingest(assigned, completed, completed);
        Assert.Equal((2, 1), (first.GetProperty("accepted").GetInt32(), first.GetProperty("duplicates").GetInt32()));

        var events = await App.EventCount();
        var again = await Ingest(completed, Row("D1", "DUP", "assigned", at.AddHours(1), unit)); // same id, other content: still the same row
        Assert.Equal((0, 2), (again.GetProperty("accepted").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal(JsonValueKind.Null, again.GetProperty("recordedAt").ValueKind);
        Assert.Equal(events, await App.EventCount());

        var rates = await App.Ok($"/api/units/{unit}/rates?year={year}");
        Assert.Equal((1, 1), (rates.GetProperty("assigned").GetInt32(), rates.GetProperty("completed").GetInt32()));
    }

    [Fact]
    public async Task A_reply_that_arrives_before_its_assignment_waits_for_it_and_then_counts_on_time()
    {
        var (year, unit, at) = await Setup();
        var early = await Ingest(Row("O2", "OOO", "replied", at.AddHours(2)), Row("O3", "OOO", "completed", at.AddDays(1)));
        Assert.Equal(2, early.GetProperty("waitingForAssignment").GetInt32());
        var pending = await App.Ok("/api/cases/OOO");
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.Equal(2, pending.GetProperty("facts").GetArrayLength());
        Assert.Equal(0, (await App.Ok($"/api/units/{unit}/rates?year={year}")).GetProperty("assigned").GetInt32());

        await Ingest(Row("O1", "OOO", "assigned", at, unit, replyDueAt: at.AddDays(1)));
        var rates = await App.Ok($"/api/units/{unit}/rates?year={year}");
        Assert.Equal((1, 1, 1, 1), (rates.GetProperty("assigned").GetInt32(), rates.GetProperty("completed").GetInt32(),
            rates.GetProperty("replyDue").GetInt32(), rates.GetProperty("repliedOnTime").GetInt32()));
        var file = await App.Ok("/api/cases/OOO");
        Assert.Equal("completed", file.GetProperty("status").GetString());
        Assert.Equal(["O1", "O2", "O3"], file.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("eventId").GetString()));

        // Judged after the grace: answered in time, so nothing is deducted.
        MoveTo(Clock.GetUtcNow().AddDays(2));
        await Judge();
        Assert.Empty(await EntriesOf(unit, "D3.1"));
    }

    [Fact]
    public async Task A_csv_import_takes_the_same_rows_and_reports_bad_ones_by_line()
    {
        var (year, unit, at) = await Setup();
        var csv = new StringBuilder();
        csv.Append('\uFEFF');
        csv.Append("Type,EVENTID,caseNumber,at,unitId,replyDueAt,result\r\n");
        csv.Append($"assigned,CSV-1,\"XY,2020\",{Iso(at)},{unit},{Iso(at.AddDays(1))},\r\n");
        csv.Append($"replied,CSV-2,\"XY,2020\",{Iso(at.AddHours(1))},,,\r\n");
        csv.Append($"returnVisit,CSV-3,\"XY,2020\",{Iso(at.AddHours(2))},,,\"so \"\"so\"\"\"\r\n");
        csv.Append($"completed,CSV-4\r\n");
        csv.Append($"completed,CSV-5,\"XY,2020\",{Iso(at.AddHours(3))},,,\n");
        var reply = await App.Send(HttpMethod.Post, "/api/cases/events.csv", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), null);
        Assert.Equal(HttpStatusCode.OK, reply.Status);

        var answer = reply.Json;
        Assert.Equal(3, answer.GetProperty("accepted").GetInt32());
        var rejected = answer.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([(2, 4), (3, 5)], rejected.Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("line").GetInt32())));
        Assert.Equal("CSV-3", rejected[0].GetProperty("eventId").GetString());
        Assert.Contains("satisfied, basicallySatisfied", rejected[0].GetProperty("errors").GetProperty("result")[0].GetString());
        Assert.Contains("2 cells; the header has 7", rejected[1].GetProperty("errors").GetProperty("row")[0].GetString());

        var rates = await App.Ok($"/api/units/{unit}/rates?year={year}");
        Assert.Equal((1, 1, 1), (rates.GetProperty("assigned").GetInt32(), rates.GetProperty("completed").GetInt32(), rates.GetProperty("repliedOnTime").GetInt32()));
        Assert.Equal("XY,2020", (await App.Ok($"/api/cases/{Uri.EscapeDataString("XY,2020")}")).GetProperty("caseNumber").GetString());

        var unknown = await App.Send(HttpMethod.Post, "/api/cases/events.csv", new StringContent("eventId,caseNumber,type,at,colour\r\n", Encoding.UTF8, "text/csv"), null);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("colour", unknown.ErrorsFor("header")[0]);
    }

    [Fact]
    public async Task A_batch_is_1_to_10000_rows()
    {
        var (_, unit, at) = await Setup();
        var empty = await App.Post("/api/cases/events", new { events = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.NotEmpty(empty.ErrorsFor("events"));
        var tooMany = await App.Post("/api/cases/events", new { events = Enumerable.Range(0, 10_001).Select(i => Row($"M{i}", $"M{i}", "assigned", at, unit)).ToArray() });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Contains("10,000", tooMany.ErrorsFor("events")[0]);
    }

    [Fact]
    public async Task Racing_batches_on_the_same_cases_both_count_once_each()
    {
        var (year, unit, at) = await Setup();
        object[] Batch(Func<int, object> row) => Enumerable.Range(0, 200).Select(row).ToArray();
        await Ingest(Batch(i => Row($"A{i}", $"RACE{i}", "assigned", at, unit, replyDueAt: at.AddDays(1))));

        // Three batches touching the same 200 case files at once: each lost race is read again and redone.
        var answers = await Task.WhenAll(
            Ingest(Batch(i => Row($"R{i}", $"RACE{i}", "replied", at.AddHours(1)))),
            Ingest(Batch(i => Row($"C{i}", $"RACE{i}", "completed", at.AddHours(2)))),
            Ingest(Batch(i => Row($"V{i}", $"RACE{i}", "onlineVote", at.AddHours(3), result: "satisfied"))));
        Assert.All(answers, a => Assert.Equal(200, a.GetProperty("accepted").GetInt32()));

        var rates = await App.Ok($"/api/units/{unit}/rates?year={year}");
        Assert.Equal((200, 200, 200, 200), (rates.GetProperty("assigned").GetInt32(), rates.GetProperty("completed").GetInt32(),
            rates.GetProperty("repliedOnTime").GetInt32(), rates.GetProperty("onlineVotes").GetInt32()));
    }

    /// <summary>
    /// The oracle (ADR 0004): replaying the case streams as they stood at each knownAt gives the very
    /// counts the counters sum to, for every asOf — so the counters carry the events' own recorded instants.
    /// </summary>
    [Fact]
    public async Task The_counters_agree_with_a_replay_of_the_case_streams_at_every_point_on_both_clocks()
    {
        var (year, unit, at) = await Setup();
        var person = await App.NewPerson(unit);
        var moved = await App.NewUnit();
        var batches = new[]
        {
            new[] { Row("Q1", "Q-1", "assigned", at, unit, person, at.AddDays(1)), Row("Q2", "Q-2", "completed", at.AddDays(2)) },
            new[] { Row("Q3", "Q-2", "assigned", at.AddHours(1), unit, replyDueAt: at.AddDays(1)), Row("Q4", "Q-1", "replied", at.AddHours(30)) },
            new[] { Row("Q5", "Q-1", "completed", at.AddDays(3)), Row("Q6", "Q-1", "returnVisit", at.AddDays(4), result: "basicallySatisfied"), Row("Q7", "Q-2", "reassigned", at.AddDays(1).AddHours(-2), moved) },
            new[] { Row("Q8", "Q-1", "reopened", at.AddDays(5)), Row("Q9", "Q-2", "extensionGranted", at.AddHours(3), replyDueAt: at.AddDays(4)), Row("Q10", "Q-1", "onlineVote", at.AddDays(2), result: "dissatisfied") },
        };

        var recorded = new List<DateTimeOffset>();
        foreach (var batch in batches)
        {
            Clock.Advance(TimeSpan.FromMinutes(7));
            recorded.Add((await Ingest(batch)).GetProperty("recordedAt").GetDateTimeOffset());
        }

        await using var session = App.Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().ToListAsync();
        var knownAts = recorded.SelectMany(r => new[] { r.AddTicks(-1), r, r.AddMinutes(3) }).ToList();
        var asOfs = Enumerable.Range(0, 8).Select(d => OfficeCalendar.DateOf(at).AddDays(d)).ToList();
        foreach (var knownAt in knownAts)
        {
            var facts = events.Where(e => e.Timestamp <= knownAt)
                .Select(e => (e.StreamId, Fact: CaseEvents.FactOf(e.Data, e.Timestamp)))
                .Where(x => x.Fact is not null)
                .GroupBy(x => x.StreamId)
                .Select(g => CaseTimeline.Derive(g.Select(x => x.Fact!).ToList()))
                .ToList();
            foreach (var asOf in asOfs)
            foreach (var (kind, id) in new[] { (SubjectKind.Unit, unit), (SubjectKind.Person, person), (SubjectKind.Unit, moved) })
            {
                var replay = facts.SelectMany(d => d.Timeline)
                    .Where(t => t.Key.Kind == kind && t.Key.SubjectId == id && t.Key.Year == year && t.Key.On <= asOf)
                    .Aggregate(CaseCounts.Zero, (sum, t) => sum + t.Value);
                var counters = (await CaseCounters.Sum(session, kind, year, asOf, knownAt, id)).GetValueOrDefault(id) ?? CaseCounts.Zero;
                Assert.True(replay == counters, $"{kind} at asOf {asOf}, knownAt {knownAt:O}: replay {replay} but counters {counters}");
            }
        }
    }
}
