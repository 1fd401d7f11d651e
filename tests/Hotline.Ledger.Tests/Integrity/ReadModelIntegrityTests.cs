using System.Net;
using System.Text.Json;
using Hotline.Ledger.Integrity;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Integrity;

/// <summary>
/// The deep integrity check (<c>GET /api/integrity?readModels=true</c>) rebuilds the rows scores,
/// rankings, circulars and the evidence trail read, compares them with the stored ones and names the
/// first that differs; while its last run failed, nothing is published.
/// </summary>
public class ReadModelIntegrityTests(CaseFeedApp app) : CaseFeedTest(app)
{
    private async Task<(int Year, Guid Unit)> ALedgerOfEveryKind()
    {
        var year = Stage();
        var unit = await App.NewUnit();
        var person = await App.NewPerson(unit, effectiveOn: $"{year}-01-01");
        MoveTo(Local(year, 7, 1));
        await App.Created("/api/entries", new { clause = "B1", unitId = unit, personId = person, occurredOn = $"{year}-03-03", reason = "信息被采用" });
        await App.Created("/api/marks", new { year, clause = "U1.1", unitId = unit, points = 9.5, reason = "领导多次批示" });
        var at = Local(year, 5, 10, 9);
        await Ingest(
            Row("T1", "TC1", "assigned", at, unit, person, replyDueAt: at.AddDays(1)),
            Row("T2", "TC1", "replied", at.AddHours(2)),
            Row("T3", "TC1", "returnVisit", at.AddHours(3), result: "satisfied"));
        return (year, unit);
    }

    private async Task<JsonElement> Deep()
    {
        var report = await App.Ok("/api/integrity?readModels=true");
        return report;
    }

    [Fact]
    public async Task An_sql_update_of_any_kind_of_derived_row_is_detected_and_named()
    {
        await ALedgerOfEveryKind();
        var clean = await Deep();
        Assert.True(clean.GetProperty("valid").GetBoolean(), clean.ToString());
        var tables = clean.GetProperty("readModels").GetProperty("tablesCompared").EnumerateArray().Select(t => t.GetString()!).ToList();
        // The rows a score, a ranking, a circular or the evidence trail reads are all among them.
        Assert.Contains("mt_doc_entry", tables);
        Assert.Contains("mt_doc_mark", tables);
        Assert.Contains("mt_doc_casefile", tables);
        Assert.Contains("hl_case_counters", tables);
        Assert.Contains("mt_doc_unit", tables);
        Assert.Contains("mt_doc_person", tables);

        var tampered = new List<string>();
        foreach (var table in tables)
        {
            var q = $"\"{App.Schema}\".\"{table}\"";
            var rows = await App.Rows($"select count(*) from {q}");
            if ((long)rows[0][0]! == 0) continue;

            if (table == "hl_case_counters")
            {
                // A forged count: one more case assigned than the feed ever sent.
                var subject = (Guid)(await App.Rows($"select subject_id from {q} order by subject_kind, subject_id limit 1"))[0][0]!;
                var one = $"subject_id = '{subject}' and subject_kind = (select min(subject_kind) from {q} where subject_id = '{subject}')";
                await App.Sql($"update {q} set assigned = assigned + 1 where {one}");
                var report = await Deep();
                Assert.False(report.GetProperty("valid").GetBoolean(), $"{table}: {report}");
                var fault = report.GetProperty("readModels").GetProperty("firstFault");
                Assert.Equal(table, fault.GetProperty("table").GetString());
                Assert.Contains(subject.ToString(), fault.GetProperty("row").GetString());
                await App.Sql($"update {q} set assigned = assigned - 1 where {one}");
            }
            else
            {
                var (id, data) = ((object?[])(await App.Rows($"select id::text, data::text from {q} order by id limit 1"))[0]) switch { var r => ((string)r[0]!, (string)r[1]!) };
                // The issue's own forgery for entries (points), a changed value for any other document.
                var forged = table == "mt_doc_entry" ? "jsonb_set(data, '{points}', '58')" : "data || '{\"forged\": true}'::jsonb";
                await App.Sql($"update {q} set data = {forged} where id::text = '{id}'");
                var report = await Deep();
                Assert.False(report.GetProperty("valid").GetBoolean(), $"{table}: {report}");
                var fault = report.GetProperty("readModels").GetProperty("firstFault");
                Assert.Equal(table, fault.GetProperty("table").GetString());
                Assert.Equal(id, fault.GetProperty("row").GetString());
                await App.Sql($"update {q} set data = '{data.Replace("'", "''")}'::jsonb where id::text = '{id}'");
            }

            tampered.Add(table);
        }

        Assert.True(tampered.Count >= 6, string.Join(", ", tampered));
        var repaired = await Deep();
        Assert.True(repaired.GetProperty("valid").GetBoolean(), repaired.ToString());
    }

    [Fact]
    public async Task While_the_last_verification_failed_a_circular_is_refused_naming_the_fault()
    {
        var (year, _) = await ALedgerOfEveryKind();
        var entries = $"\"{App.Schema}\".mt_doc_entry";
        await App.Sql($"update {entries} set data = jsonb_set(data, '{{points}}', '58')");
        var report = await Deep();
        Assert.False(report.GetProperty("valid").GetBoolean());

        var refused = await App.Post("/api/circulars", new { year });
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("mt_doc_entry", refused.Text);

        await App.Sql($"update {entries} set data = jsonb_set(data, '{{points}}', '2')");
        Assert.True((await Deep()).GetProperty("valid").GetBoolean());
        var issued = await App.Post("/api/circulars", new { year });
        Assert.Equal(HttpStatusCode.Created, issued.Status);
    }

    [Fact]
    public async Task Entries_recorded_while_a_verification_runs_are_not_reported_as_a_fault()
    {
        var (year, unit) = await ALedgerOfEveryKind();
        // Entries land once the verification's first pass has rebuilt its scratch rows from the events and while it
        // compares the stored rows with them, as the feed or a judgement writes while the nightly one runs; then they stop.
        var prefix = ReadModelIntegrity.ScratchPrefix(App.Schema).Replace("_", "\\_");
        // A scratch schema of the verification, and how many entries it has rebuilt (-1: its table is not there).
        async Task<(string? Name, long Rows)> Scratch(string? name = null)
        {
            name ??= (await App.Rows($"select nspname::text from pg_namespace where nspname like '{prefix}%'")).FirstOrDefault()?[0] as string;
            if (name is null) return (null, -1);
            try { return (name, (long)(await App.Rows($"select count(*) from \"{name}\".mt_doc_entry"))[0][0]!); }
            catch (Npgsql.PostgresException e) when (e.SqlState is "42P01" or "3F000") { return (name, -1); }
        }

        var during = 0;
        var verified = false;
        var writer = Task.Run(async () =>
        {
            var first = await Scratch();
            while (!verified && first.Rows <= 0) first = await Scratch(first.Rows < 0 ? null : first.Name);
            for (var day = 1; !verified && (await Scratch(first.Name)).Rows >= 0 && day <= 28; day++, during++)
                await App.Created("/api/entries", new { clause = "B1", unitId = unit, occurredOn = $"{year}-02-{day:00}", reason = "信息被采用" });
        });
        var report = await Deep();
        verified = true;
        await writer;

        Assert.True(during > 0, "no entry was recorded while the verification compared");
        Assert.True(report.GetProperty("valid").GetBoolean(), report.ToString());
        var issued = await App.Post("/api/circulars", new { year });
        Assert.Equal(HttpStatusCode.Created, issued.Status);
    }
}
