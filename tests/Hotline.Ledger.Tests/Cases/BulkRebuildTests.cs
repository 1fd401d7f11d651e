using System.Net;
using Hotline.Ledger.Cases;
using Hotline.Ledger.Rebuild;
using Hotline.Ledger.Tests.Support;
using Marten;
using Npgsql;

namespace Hotline.Ledger.Tests.Cases;

/// <summary>
/// The one-pass rebuild (ADR 0041) must give back every read model exactly — snapshots, case files with their
/// D3.1 charges, rate counters — from the events alone, whatever was there before.
/// </summary>
public class BulkRebuildTests(CaseFeedApp app) : CaseFeedTest(app)
{
    [Fact]
    public async Task A_bulk_rebuild_gives_back_every_row_and_every_answer_from_the_events_alone()
    {
        var year = Stage();
        var unit = await App.NewUnit("BR1");
        var other = await App.NewUnit("BR2");
        var person = await App.NewPerson(unit, $"{year}-01-01");
        MoveTo(Local(year, 3, 1));
        await App.Created($"/api/people/{person}/transfers", new { toUnitId = other, effectiveOn = $"{year}-02-15" }, HttpStatusCode.OK);
        var entry = await App.Created("/api/entries", new { clause = "D1", unitId = unit, personId = person, occurredOn = $"{year}-02-01", points = 6, reason = "r" });
        await App.Created("/api/entries", new { clause = "B4", unitId = other, personId = person, occurredOn = $"{year}-02-20", points = 8, reason = "r" });
        await App.Created($"/api/entries/{entry.GetProperty("id").GetGuid()}/rescind", new { reason = "r" }, HttpStatusCode.OK);
        await App.Created("/api/marks", new { year, clause = "U3.1", unitId = other, points = 7, reason = "r" });
        await App.Created($"/api/units/{unit}/monthly-reports", new { month = $"{year}-01", summary = "s" });

        // Cases over several writes: an out-of-order reply, a missed deadline the judge charges, a reassignment, a visit.
        var at = Local(year, 2, 3, 9);
        await Ingest(Row("R-2", "RB-1", "replied", at.AddHours(3)));
        await Ingest(Row("R-1", "RB-1", "assigned", at, unit, person, replyDueAt: at.AddDays(1)), Row("M-1", "RB-2", "assigned", at, unit, replyDueAt: at.AddDays(1)));
        await Ingest(Row("R-3", "RB-1", "completed", at.AddDays(2)), Row("M-2", "RB-2", "reassigned", at.AddDays(3), other, replyDueAt: at.AddDays(4)));
        MoveTo(Local(year, 2, 28));
        await Judge();
        await Ingest(Row("R-4", "RB-1", "returnVisit", at.AddDays(4), result: "satisfied"), Row("M-3", "RB-2", "completed", at.AddDays(5)));
        MoveTo(Local(year, 4, 20));
        await Judge();
        Assert.NotEmpty(await EntriesOf(unit, "D3.1"));

        var knownAt = Iso(Clock.GetUtcNow());
        string[] probes =
        [
            $"/api/units/{unit}/score?year={year}&knownAt={knownAt}", $"/api/units/{other}/score?year={year}&knownAt={knownAt}",
            $"/api/people/{person}/score?year={year}&knownAt={knownAt}", $"/api/rankings?year={year}&knownAt={knownAt}",
            $"/api/units/{unit}/rates?year={year}&knownAt={knownAt}", $"/api/units/{other}/rates?year={year}&asOf={year}-02-05&knownAt={knownAt}",
            "/api/cases/RB-1", "/api/cases/RB-2", $"/api/evidence?unitId={unit}", $"/api/units/{unit}/monthly-reports",
        ];
        var answers = new List<string>();
        foreach (var probe in probes) answers.Add((await App.Ok(probe)).GetRawText());
        var rows = await Rows();

        // Something wrong in every read model first: the rebuild must not depend on what is there.
        await App.Sql($"update \"{App.Schema}\".mt_doc_casefile set data = jsonb_set(data, '{{status}}', '\"open\"')");
        await App.Sql($"insert into \"{App.Schema}\".hl_case_counters select * from \"{App.Schema}\".hl_case_counters");
        await using (var session = App.Store.LightweightSession())
        {
            session.DeleteWhere<Hotline.Ledger.Entries.Entry>(_ => true);
            await session.SaveChangesAsync();
        }

        var report = await BulkRebuild.RebuildAll(App.Store);
        Assert.Contains(report.Steps, s => s.ReadModel.StartsWith("CaseFile", StringComparison.Ordinal) && s.Rows > 0);

        Assert.Equal(rows, await Rows());
        for (var i = 0; i < probes.Length; i++) Assert.Equal(answers[i], (await App.Ok(probes[i])).GetRawText());
    }

    /// <summary>Every read-model row by id, and the counters as the sums every answer is made of.</summary>
    private async Task<List<string>> Rows()
    {
        var rows = new List<string>();
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        foreach (var table in new[] { "mt_doc_unit", "mt_doc_person", "mt_doc_entry", "mt_doc_mark", "mt_doc_monthlyreport", "mt_doc_casefile" })
        {
            await using var cmd = new NpgsqlCommand($"select id::text || ' ' || data::text from \"{App.Schema}\".{table} order by id", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add($"{table} {reader.GetString(0)}");
        }

        await using var sums = new NpgsqlCommand(
            $"select t::text from (select subject_kind, subject_id, year, occurred_on, recorded_at, sum(assigned), sum(completed), sum(visited), " +
            $"sum(satisfied), sum(reply_due), sum(replied_on_time) from \"{App.Schema}\".hl_case_counters group by 1, 2, 3, 4, 5 " +
            "having sum(abs(assigned) + abs(completed) + abs(visited) + abs(satisfied) + abs(reply_due) + abs(replied_on_time)) > 0 order by 1, 2, 3, 4, 5) t", conn);
        await using (var reader = await sums.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add("counters " + reader.GetString(0));
        return rows;
    }
}
