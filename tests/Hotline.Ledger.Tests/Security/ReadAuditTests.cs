using System.Net;
using System.Security.Claims;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Ledger.Tests.Security;

[Collection(SecurityCollection.Name)]
public class ReadAuditTests(LedgerApp app) : LedgerTest(app)
{
    private Caller Auditor => App.As("auditor-sun", [Roles.Auditor]);

    private static HttpContext Request(string user, string path, string query, params Claim[] more)
    {
        var identity = new ClaimsIdentity([new Claim(HotlineClaims.Name, user), .. more], "Bearer", HotlineClaims.Name, HotlineClaims.Role);
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(identity) };
        http.Request.Path = path;
        http.Request.QueryString = new QueryString(query);
        return http;
    }

    [Fact]
    public async Task A_recorded_read_says_who_looked_at_whose_records_and_when()
    {
        var unit = await App.NewUnit("READ-1");
        var audit = App.Host.Services.GetRequiredService<ReadAudit>();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await audit.RecordAsync(
            Request("liaison-zhou", $"/api/units/{unit}/score", "?year=2020&knownAt=2020-07-05T00:00:00Z",
                new Claim(HotlineClaims.Role, Roles.Liaison), new Claim(HotlineClaims.Unit, "READ-1")),
            ReadKind.ScoreReplay, unitId: unit);

        var reads = await Auditor.Get($"/api/audit/reads?unitId={unit}");
        Assert.Equal(HttpStatusCode.OK, reads.Status);
        var read = Assert.Single(reads.Json.EnumerateArray());
        Assert.Equal("liaison-zhou", read.GetProperty("reader").GetString());
        Assert.Equal("READ-1", read.GetProperty("readerUnit").GetString());
        Assert.Equal("liaison", read.GetProperty("roles")[0].GetString());
        Assert.Equal("scoreReplay", read.GetProperty("kind").GetString());
        Assert.Equal($"/api/units/{unit}/score", read.GetProperty("path").GetString());
        Assert.Contains("knownAt", read.GetProperty("query").GetString());
        Assert.True(read.GetProperty("at").GetDateTimeOffset() >= before);
    }

    [Fact]
    public async Task Reading_an_entry_with_its_evidence_is_recorded_and_appends_nothing_to_the_ledger()
    {
        var unit = await App.NewUnit();
        var entry = await App.Created("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = "信息被采用" });
        var id = entry.GetProperty("id").GetGuid();
        var events = await App.EventCount();

        Assert.Equal(HttpStatusCode.OK, (await App.As("inspector-wu", [Roles.Inspector]).Get($"/api/entries/{id}")).Status);

        Assert.Equal(events, await App.EventCount());
        var reads = await Auditor.Get($"/api/audit/reads?reader=inspector-wu");
        var read = Assert.Single(reads.Json.EnumerateArray());
        Assert.Equal("entry", read.GetProperty("kind").GetString());
        Assert.Equal(unit, read.GetProperty("unitId").GetGuid());
    }

    [Fact]
    public async Task Concurrent_reads_share_flushes_and_each_is_on_file_when_it_is_answered()
    {
        var audit = App.Host.Services.GetRequiredService<ReadAudit>();
        var subject = Guid.NewGuid();
        var found = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await audit.RecordAsync(Request($"reader-c{i}", "/api/evidence", $"?personId={subject}"), ReadKind.EvidenceTrail, personId: subject);
            // Answered means committed: the reader's own record is already there for an auditor to see.
            return (await Auditor.Get($"/api/audit/reads?reader=reader-c{i}")).Json.GetArrayLength();
        })).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.All(found, n => Assert.Equal(1, n));
        Assert.Equal(40, (await Auditor.Get($"/api/audit/reads?personId={subject}&limit=100")).Json.GetArrayLength());
    }

    [Fact]
    public async Task Reads_are_listed_newest_first_and_filtered()
    {
        var audit = App.Host.Services.GetRequiredService<ReadAudit>();
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        await audit.RecordAsync(Request("reader-1", "/api/evidence", $"?personId={a}"), ReadKind.EvidenceTrail, personId: a);
        await audit.RecordAsync(Request("reader-2", "/api/evidence", $"?personId={b}"), ReadKind.EvidenceTrail, personId: b);
        await audit.RecordAsync(Request("reader-1", "/api/evidence", ""), ReadKind.EvidenceTrail);

        var all = (await Auditor.Get("/api/audit/reads")).Json.EnumerateArray().Select(r => r.GetProperty("reader").GetString()).ToList();
        Assert.Equal(["reader-1", "reader-2", "reader-1"], all);
        Assert.Single((await Auditor.Get($"/api/audit/reads?personId={b}")).Json.EnumerateArray());
        Assert.Equal(2, (await Auditor.Get("/api/audit/reads?reader=reader-1&kind=evidenceTrail")).Json.GetArrayLength());
        Assert.Single((await Auditor.Get("/api/audit/reads?limit=1")).Json.EnumerateArray());
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1001", "limit")]
    public async Task A_bad_query_is_a_400_naming_the_field(string query, string field)
    {
        var reply = await Auditor.Get("/api/audit/reads" + query);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.NotEmpty(reply.ErrorsFor(field));
    }

    [Fact]
    public async Task An_unparseable_query_value_is_a_400_not_a_silent_default()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await Auditor.Get("/api/audit/reads?limit=abc")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Auditor.Get("/api/audit/reads?from=yesterday")).Status);
    }
}
