using System.Net;
using System.Text.Json;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Ledger.Tests.Security;

/// <summary>
/// A score read starts its record's flush before its own work and answers only once the record is committed: answered
/// means on file, a read whose record cannot be written shows nothing, and a read its endpoint refuses is withdrawn.
/// </summary>
public class AnsweredReadTests(LedgerApp app) : LedgerTest(app)
{
    private Caller Auditor => App.As("auditor-jiang", [Roles.Auditor]);

    private async Task<List<JsonElement>> ReadsBy(string reader) =>
        (await Auditor.Get($"/api/audit/reads?reader={reader}")).Json.EnumerateArray().ToList();

    [Fact]
    public async Task Every_answered_score_read_is_on_file_when_its_answer_arrives()
    {
        var unit = await App.NewUnit("ANS-1", "应答单位");
        var found = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            var reader = $"inspector-a{i}";
            var card = await App.As(reader, [Roles.Inspector]).Get($"/api/units/{unit}/score?year=2020");
            Assert.Equal(HttpStatusCode.OK, card.Status);
            // Nothing else happens between the answer and this look: the record came before the answer.
            return await ReadsBy(reader);
        }));

        Assert.All(found, reads =>
        {
            var read = Assert.Single(reads);
            Assert.Equal("scoreReplay", read.GetProperty("kind").GetString());
            Assert.Equal(unit, read.GetProperty("unitId").GetGuid());
        });
    }

    [Fact]
    public async Task A_score_read_whose_record_cannot_be_written_fails_and_shows_nothing()
    {
        var unit = await App.NewUnit("ANS-2", "无法记录单位");
        var person = await App.NewPerson(unit, "2020-01-01", "记录失败者");
        await App.Sql($"""
            create function "{App.Schema}".fail_reads() returns trigger language plpgsql as $$
            begin raise exception 'the read audit cannot write'; end $$;
            create trigger fail_reads before insert on "{App.Schema}".mt_doc_readrecord
            for each row execute function "{App.Schema}".fail_reads();
            """);
        try
        {
            var inspector = App.As("inspector-fail", [Roles.Inspector]);
            foreach (var path in new[] { $"/api/units/{unit}/score?year=2020", $"/api/people/{person}/score?year=2020", $"/api/units/{unit}/score?year=2020&format=csv" })
            {
                var reply = await inspector.Get(path);
                Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
                Assert.DoesNotContain("无法记录单位", reply.Text);
                Assert.DoesNotContain("记录失败者", reply.Text);
                Assert.DoesNotContain("criteria", reply.Text);
            }
        }
        finally
        {
            await App.Sql($"""drop trigger fail_reads on "{App.Schema}".mt_doc_readrecord; drop function "{App.Schema}".fail_reads();""");
        }

        Assert.Empty(await ReadsBy("inspector-fail"));
        // The same read, once its record can be written, is shown and on file.
        Assert.Equal(HttpStatusCode.OK, (await App.As("inspector-fail", [Roles.Inspector]).Get($"/api/units/{unit}/score?year=2020")).Status);
        Assert.Single(await ReadsBy("inspector-fail"));
    }

    [Fact]
    public async Task A_score_read_its_endpoint_refuses_is_not_listed_and_its_record_says_it_was_withdrawn()
    {
        var unit = await App.NewUnit("ANS-3");
        // A newcomer joins today: they had no unit in 2020, so that year has no score for them.
        var stranger = (await App.Created("/api/people", new { name = "新同志", unitId = unit })).GetProperty("id").GetGuid();
        var inspector = App.As("inspector-wd", [Roles.Inspector]);

        Assert.Equal(HttpStatusCode.NotFound, (await inspector.Get($"/api/units/{Guid.NewGuid()}/score?year=2020")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await inspector.Get($"/api/units/{unit}/score?year=2020&format=pdf")).Status);
        var notMember = await inspector.Get($"/api/people/{stranger}/score?year=2020");
        Assert.Equal(HttpStatusCode.NotFound, notMember.Status);
        Assert.Equal("person.notAMember", notMember.Json.GetProperty("code").GetString());

        // Refused before the endpoint (the access step's 404 of an unknown unit): no record is even started.
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.Get($"/api/units/{Guid.NewGuid()}/rates?year=2020")).Status);

        Assert.Empty(await ReadsBy("inspector-wd"));
        // Each refused read was started on file and withdrawn: the rows stay, marked with when.
        var rows = await App.Rows($"""select mt_deleted, mt_deleted_at from "{App.Schema}".mt_doc_readrecord where reader = 'inspector-wd'""");
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(true, r[0]);
            Assert.NotNull(r[1]);
        });
    }

    [Fact]
    public async Task Records_keep_their_order_and_fields_on_both_paths()
    {
        var unit = await App.NewUnit("ANS-4");
        var person = await App.NewPerson(unit, "2020-01-01");
        var liaison = App.AsLiaison("ANS-4", "liaison-order");
        var audit = App.Host.Services.GetRequiredService<ReadAudit>();

        Assert.Equal(HttpStatusCode.OK, (await liaison.Get($"/api/units/{unit}/score?year=2020")).Status);
        Assert.Equal(HttpStatusCode.OK, (await liaison.Get($"/api/people/{person}/score?year=2020&asOf=2020-06-30")).Status);
        audit.StartsWithTheRead = false;
        try
        {
            // The former path, written after the work: the same record.
            Assert.Equal(HttpStatusCode.OK, (await liaison.Get($"/api/units/{unit}/score?year=2020&knownAt=2020-07-05T00:00:00Z")).Status);
        }
        finally
        {
            audit.StartsWithTheRead = true;
        }

        var reads = await ReadsBy("liaison-order");
        Assert.Equal(3, reads.Count);
        Assert.Equal(["?year=2020&knownAt=2020-07-05T00:00:00Z", "?year=2020&asOf=2020-06-30", "?year=2020"], reads.Select(r => r.GetProperty("query").GetString()));
        Assert.Equal([$"/api/units/{unit}/score", $"/api/people/{person}/score", $"/api/units/{unit}/score"], reads.Select(r => r.GetProperty("path").GetString()));
        Assert.True(reads[0].GetProperty("at").GetDateTimeOffset() >= reads[1].GetProperty("at").GetDateTimeOffset());
        Assert.True(reads[1].GetProperty("at").GetDateTimeOffset() >= reads[2].GetProperty("at").GetDateTimeOffset());
        Assert.All(reads, r =>
        {
            Assert.Equal("scoreReplay", r.GetProperty("kind").GetString());
            Assert.Equal("ANS-4", r.GetProperty("readerUnit").GetString());
            Assert.Equal(["liaison"], r.GetProperty("roles").EnumerateArray().Select(x => x.GetString()));
            Assert.False(string.IsNullOrEmpty(r.GetProperty("correlationId").GetString()));
        });
        Assert.Equal(person, reads[1].GetProperty("personId").GetGuid());
        Assert.Equal(JsonValueKind.Null, reads[1].GetProperty("unitId").ValueKind);
        Assert.Equal(unit, reads[0].GetProperty("unitId").GetGuid());
        Assert.Equal(unit, reads[2].GetProperty("unitId").GetGuid());
    }
}
