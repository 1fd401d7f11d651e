using System.Net;
using Hotline.Ledger.Cases;
using Hotline.Ledger.Rebuild;
using Hotline.Ledger.Tests.Support;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;

namespace Hotline.Ledger.Tests.Cases;

/// <summary>
/// Every read model — snapshots, case files with their D3.1 charges, rate counters — must come back exactly from
/// the events alone, whatever was there before, by either path of the one rebuild: Marten's own (the daemon, as
/// <c>projections rebuild</c> runs it) and the one-pass fast path (ADR 0041, <c>./run.sh rebuild</c>); and Marten's
/// daemon catching up on case events the feed and the judge have already written must change nothing (ADR 0160).
/// </summary>
public class BulkRebuildTests(CaseFeedApp app) : CaseFeedTest(app)
{
    [Fact]
    public async Task A_bulk_rebuild_gives_back_every_row_and_every_answer_from_the_events_alone()
    {
        var (probes, answers, rows) = await History();
        await Spoil();

        var report = await BulkRebuild.RebuildAll(App.Store);
        Assert.Contains(report.Steps, s => s.ReadModel.StartsWith(CaseFileProjection.ProjectionName, StringComparison.Ordinal) && s.Rows > 0);

        Assert.Equal(rows, await Rows());
        for (var i = 0; i < probes.Length; i++) Assert.Equal(answers[i], (await App.Ok(probes[i])).GetRawText());
    }

    [Fact]
    public async Task Martens_own_rebuild_of_every_projection_gives_back_case_files_and_counters_too()
    {
        var (probes, answers, rows) = await History();
        await Spoil();

        // What `projections rebuild` does: every registered projection, the case files and counters among them.
        var names = ((StoreOptions)App.Store.Options).Projections.All.Select(p => p.Name).ToList();
        Assert.Contains(CaseFileProjection.ProjectionName, names);
        using (var daemon = await App.Store.BuildProjectionDaemonAsync())
            foreach (var name in names)
                await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.Equal(rows, await Rows());
        for (var i = 0; i < probes.Length; i++) Assert.Equal(answers[i], (await App.Ok(probes[i])).GetRawText());
    }

    [Fact]
    public async Task The_case_projection_over_events_already_written_changes_nothing()
    {
        var (_, _, rows) = await History();
        var stamps = await CaseFileVersions();
        var counterRows = await Scalar($"select count(*)::text from \"{App.Schema}\".hl_case_counters");

        // As the daemon's rebuild applies them, but over files the feed and the judge have written: every event, pages of 7.
        await using var session = App.Store.LightweightSession();
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        foreach (var page in events.Chunk(7)) await CaseFileProjection.Project(session, page, CancellationToken.None);
        await session.SaveChangesAsync();

        Assert.Equal(rows, await Rows());
        Assert.Equal(stamps, await CaseFileVersions());
        Assert.Equal(counterRows, await Scalar($"select count(*)::text from \"{App.Schema}\".hl_case_counters"));
    }

    /// <summary>Entries, marks, a transfer, a monthly report and cases over several writes, charged by the judge; its probes, their answers and every row.</summary>
    private async Task<(string[] Probes, List<string> Answers, List<string> Rows)> History()
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
        return (probes, answers, await Rows());
    }

    /// <summary>Something wrong in every read model first: a rebuild must not depend on what is there.</summary>
    private async Task Spoil()
    {
        await App.Sql($"update \"{App.Schema}\".mt_doc_casefile set data = jsonb_set(data, '{{status}}', '\"open\"')");
        await App.Sql($"insert into \"{App.Schema}\".hl_case_counters select * from \"{App.Schema}\".hl_case_counters");
        await using (var session = App.Store.LightweightSession())
        {
            session.DeleteWhere<Hotline.Ledger.Entries.Entry>(_ => true);
            await session.SaveChangesAsync();
        }
    }

    private static async Task<string> Scalar(string sql)
    {
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<string> CaseFileVersions() =>
        await Scalar($"select coalesce(string_agg(id::text || mt_version::text, ',' order by id), '') from \"{App.Schema}\".mt_doc_casefile");

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

        // The columns beside a file's JSON: the deadline judge and the warnings find their cases by them.
        await using (var columns = new NpgsqlCommand(
            $"select id::text || ' ' || coalesce(unit_id::text, '-') || ' ' || coalesce(reply_due_at::text, '-') || ' ' || coalesce(reply_check_at::text, '-') || ' ' || " +
            $"coalesce(mt_dotnet_type, '-') from \"{App.Schema}\".mt_doc_casefile order by id", conn))
        await using (var reader = await columns.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add("casefile columns " + reader.GetString(0));

        await using var sums = new NpgsqlCommand(
            $"select t::text from (select subject_kind, subject_id, year, occurred_on, recorded_at, sum(assigned), sum(completed), sum(visited), " +
            $"sum(satisfied), sum(reply_due), sum(replied_on_time) from \"{App.Schema}\".hl_case_counters group by 1, 2, 3, 4, 5 " +
            "having sum(abs(assigned) + abs(completed) + abs(visited) + abs(satisfied) + abs(reply_due) + abs(replied_on_time)) > 0 order by 1, 2, 3, 4, 5) t", conn);
        await using (var reader = await sums.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add("counters " + reader.GetString(0));
        return rows;
    }
}
