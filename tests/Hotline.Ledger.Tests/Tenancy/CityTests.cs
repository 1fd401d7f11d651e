using System.Net;
using System.Text.Json;
using Hotline.Ledger.Integrity;
using Hotline.Ledger.Kernel;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Rulebooks.Drafts;
using Hotline.Ledger.Tests.WhatIf;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Hotline.Ledger.Tests.Tenancy;

/// <summary>Each city its own ledger in its own database: what one city records, another never sees.</summary>
[Collection(CityCollection.Name)]
public sealed class CityTests(CityApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAll();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> Created(Caller caller, string url, object body, string? key = null)
    {
        var reply = await caller.Post(url, body, key);
        Assert.True(reply.Status == HttpStatusCode.Created, $"POST {url} answered {(int)reply.Status}: {reply.Text}");
        return reply.Json;
    }

    private static object Entry(Guid unit) =>
        new { clause = "B1", unitId = unit, occurredOn = "2020-05-10", reason = "市民来电致谢", evidence = new[] { new { title = "来电记录", reference = "HL-1" } } };

    private static async Task<JsonElement> Verified(Caller auditor)
    {
        var reply = await auditor.Get("/api/integrity");
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
        Assert.True(reply.Json.GetProperty("valid").GetBoolean(), reply.Text);
        return reply.Json;
    }

    [Fact]
    public async Task What_one_city_records_is_in_its_own_database_and_nowhere_else()
    {
        var officeA = app.Office(CityApp.A);
        var unit = (await Created(officeA, "/api/units", new { code = "GA", name = "公安局" })).GetProperty("id").GetGuid();
        var entry = (await Created(officeA, "/api/entries", Entry(unit))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await officeA.Get($"/api/entries/{entry}")).Status);

        foreach (var other in new[] { app.Office(CityApp.B), app.Office(null) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Get($"/api/units/{unit}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await other.Get($"/api/entries/{entry}")).Status);
            var units = await other.Get("/api/units");
            Assert.DoesNotContain(unit.ToString(), units.Text);
            // The code is free there: the unique index is the city's own.
            await Created(other, "/api/units", new { code = "GA", name = "公安局" });
        }

        Assert.Equal(2L, await app.ScalarIn(CityApp.A, "select count(*) from {schema}.mt_events where type <> 'tombstone'"));
        Assert.Equal(1L, await app.ScalarIn(CityApp.B, "select count(*) from {schema}.mt_events where type <> 'tombstone'"));
        Assert.Equal(1L, await app.EventCount());
    }

    [Fact]
    public async Task Each_city_keeps_its_own_hash_chain_and_each_verifies()
    {
        var officeA = app.Office(CityApp.A);
        var officeB = app.Office(CityApp.B);
        var unitA = (await Created(officeA, "/api/units", new { code = "GA", name = "公安局" })).GetProperty("id").GetGuid();
        for (var i = 0; i < 3; i++) await Created(officeA, "/api/entries", Entry(unitA));
        await Created(officeB, "/api/units", new { code = "JT", name = "交通局" });

        var a = await Verified(app.InCity(CityApp.A, "auditor", [Roles.Auditor]));
        var b = await Verified(app.InCity(CityApp.B, "auditor", [Roles.Auditor]));
        var home = await Verified(app.InCity(null, "auditor", [Roles.Auditor]));

        Assert.Equal(4, a.GetProperty("head").GetProperty("position").GetInt64());
        Assert.Equal(1, b.GetProperty("head").GetProperty("position").GetInt64());
        Assert.Equal(0, home.GetProperty("head").GetProperty("position").GetInt64());
        Assert.NotEqual(a.GetProperty("head").GetProperty("digest").GetString(), b.GetProperty("head").GetProperty("digest").GetString());
    }

    [Fact]
    public async Task The_same_idempotency_key_in_two_cities_is_two_requests()
    {
        var body = new { code = "GA", name = "公安局" };
        var a = await Created(app.Office(CityApp.A), "/api/units", body, key: "unit-GA");
        var b = await Created(app.Office(CityApp.B), "/api/units", body, key: "unit-GA");
        Assert.NotEqual(a.GetProperty("id").GetGuid(), b.GetProperty("id").GetGuid());

        var again = await app.Office(CityApp.A).Post("/api/units", body, "unit-GA");
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(a.GetProperty("id").GetGuid(), again.Json.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_token_naming_a_city_not_on_the_deployment_is_refused()
    {
        var reply = await app.Office("ZZ").Get("/api/units");
        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("auth.forbidden.unknownCity", reply.Json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Single_entries_of_two_cities_go_through_each_citys_own_writer()
    {
        var officeA = app.Office(CityApp.A);
        var officeB = app.Office(CityApp.B);
        var unitA = (await Created(officeA, "/api/units", new { code = "GA", name = "公安局" })).GetProperty("id").GetGuid();
        var unitB = (await Created(officeB, "/api/units", new { code = "GA", name = "公安局" })).GetProperty("id").GetGuid();

        var writes = Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? Created(officeA, "/api/entries", Entry(unitA), key: $"a-{i}")
            : Created(officeB, "/api/entries", Entry(unitB), key: $"b-{i}"));
        await Task.WhenAll(writes);

        Assert.Equal(11L, await app.ScalarIn(CityApp.A, "select count(*) from {schema}.mt_events where type <> 'tombstone'"));
        Assert.Equal(11L, await app.ScalarIn(CityApp.B, "select count(*) from {schema}.mt_events where type <> 'tombstone'"));
        Assert.Equal(11, (await Verified(app.InCity(CityApp.A, "auditor", [Roles.Auditor]))).GetProperty("head").GetProperty("position").GetInt64());
        Assert.Equal(11, (await Verified(app.InCity(CityApp.B, "auditor", [Roles.Auditor]))).GetProperty("head").GetProperty("position").GetInt64());
    }

    [Fact]
    public async Task Reads_of_two_cities_at_once_are_each_on_file_in_their_own_citys_database()
    {
        var officeA = app.Office(CityApp.A);
        var officeB = app.Office(CityApp.B);
        var unitA = (await Created(officeA, "/api/units", new { code = "GA", name = "公安局" })).GetProperty("id").GetGuid();
        var unitB = (await Created(officeB, "/api/units", new { code = "GA", name = "公安局" })).GetProperty("id").GetGuid();
        var entryA = (await Created(officeA, "/api/entries", Entry(unitA))).GetProperty("id").GetGuid();
        var entryB = (await Created(officeB, "/api/entries", Entry(unitB))).GetProperty("id").GetGuid();

        // Concurrent reads share flushes; a flush started by one city's read must not carry the other's records with it.
        var reads = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => i % 3 == 0
            ? officeA.Get($"/api/entries/{entryA}")
            : officeB.Get($"/api/entries/{entryB}")));
        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.Status));

        Assert.Equal(10L, await app.ScalarIn(CityApp.A, $"select count(*) from {{schema}}.mt_doc_readrecord where data->>'unitId' = '{unitA}'"));
        Assert.Equal(0L, await app.ScalarIn(CityApp.A, $"select count(*) from {{schema}}.mt_doc_readrecord where data->>'unitId' = '{unitB}'"));
        Assert.Equal(20L, await app.ScalarIn(CityApp.B, $"select count(*) from {{schema}}.mt_doc_readrecord where data->>'unitId' = '{unitB}'"));
        Assert.Equal(0L, await app.ScalarIn(CityApp.B, $"select count(*) from {{schema}}.mt_doc_readrecord where data->>'unitId' = '{unitA}'"));
    }

    [Fact]
    public async Task A_recurring_job_runs_for_the_default_city_and_then_in_every_city_in_its_own_database()
    {
        await Created(app.Office(CityApp.A), "/api/units", new { code = "GA", name = "公安局" });
        // As the schedule sends it: once, with no city, marked as an occurrence of its schedule.
        using (var scope = app.Host.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new VerifyLedgerIntegrity(),
                new DeliveryOptions { Headers = { [RecurringMessage.HeaderKey] = nameof(VerifyLedgerIntegrity) } });

        foreach (var city in new[] { null, CityApp.A, CityApp.B })
        {
            var auditor = app.InCity(city, "auditor", [Roles.Auditor]);
            JsonElement last = default;
            // The other cities' runs are messages in their own stores: waited for, up to half a minute.
            await Eventually.Holds(async () =>
            {
                last = (await auditor.Get("/api/integrity/status")).Json.GetProperty("lastVerification");
                return last.ValueKind == JsonValueKind.Object;
            }, TimeSpan.FromSeconds(30));

            Assert.True(last.ValueKind == JsonValueKind.Object, $"no verification was recorded in {city ?? "the default city"}");
            Assert.True(last.GetProperty("valid").GetBoolean(), last.ToString());
        }

        Assert.Equal(1L, await app.ScalarIn(CityApp.A, "select count(*) from {schema}.mt_doc_integrityverification"));

        // Each city's run was stored in its own city's inbox and marked handled there: none is left behind in any inbox.
        const string left = "select count(*) from {schema}.wolverine_incoming_envelopes where status = 'Incoming' and message_type like '%VerifyLedgerIntegrity%'";
        var none = await Eventually.Holds(async () =>
            (long)(await app.Rows(left.Replace("{schema}", $"\"{app.Schema}\"")))[0][0]! == 0
            && (long)(await app.ScalarIn(CityApp.A, left))! == 0 && (long)(await app.ScalarIn(CityApp.B, left))! == 0, TimeSpan.FromSeconds(30));
        Assert.True(none, "a city's run was left in an inbox, never marked handled");
    }

    [Fact]
    public async Task A_revision_adopted_in_a_city_reaches_another_nodes_catalog_for_that_city_alone()
    {
        const string id = "xinyang-refresh";
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        // Another node's catalog and refresh, every fifth of a second: it has served the default city and city A.
        var other = new RulebookCatalog(RulebookLoader.LoadBuiltIn());
        using (CityScope.Enter(CityApp.A)) await Revisions.Load(store, other);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Hotline:Rulebooks:RefreshEvery"] = "00:00:00.200" }).Build();
        var refresh = new AdoptedRevisionsAtStartup(store, other, config, NullLogger<AdoptedRevisionsAtStartup>.Instance);
        await refresh.StartAsync(CancellationToken.None);
        try
        {
            // Adopted in city A on this node.
            var office = app.Office(CityApp.A);
            var effective = OfficeCalendar.DateOf(DateTimeOffset.UtcNow).AddDays(2).ToString("yyyy-MM-dd");
            var drafted = await office.Send(HttpMethod.Post, "/api/rulebooks/drafts", Drafting.Json(Drafting.Named(Drafting.BuiltIn(), id, effective)));
            Assert.True(drafted.Status == HttpStatusCode.Created, drafted.Text);
            var draft = drafted.Json.GetProperty("id").GetGuid();
            foreach (var step in new[] { "submit", "approve" })
            {
                var moved = await office.Post($"/api/rulebooks/drafts/{draft}/{step}", new { });
                Assert.True(moved.Status == HttpStatusCode.OK, $"{step}: {moved.Text}");
            }

            // The other node knows it in city A without a restart, and in no other city.
            var known = await Eventually.Holds(() =>
            {
                using (CityScope.Enter(CityApp.A)) return Task.FromResult(other.Get(id) is not null);
            }, TimeSpan.FromSeconds(30));
            Assert.True(known, "the revision adopted in city A did not reach the other node's catalog for city A");
            Assert.Null(other.Get(id));
            using (CityScope.Enter(CityApp.B)) Assert.Null(other.Get(id));
        }
        finally
        {
            await refresh.StopAsync(CancellationToken.None);
            using (CityScope.Enter(CityApp.A)) app.Host.Services.GetRequiredService<RulebookCatalog>().ReplaceAdopted([]);
        }
    }
}
