using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hotline.Ledger.Api.Security;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.Integrity;
using Hotline.Ledger.Tenancy;
using Hotline.Ledger.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine.Runtime.Recurring;

namespace Hotline.Ledger.Tests.Tenancy;

/// <summary>
/// The messages a city added at run time puts into its own message store through the outbox of its own requests —
/// the judgement its case feed sends at once or schedules for a deadline, the notices' look-ahead — are handled in
/// that city, from that store, and leave nothing behind in its inbox; the default city's stay the default city's,
/// and only an occurrence of a recurring schedule is handed on to every city (ADR 0150, 0181).
/// </summary>
[Collection(AddedCityCollection.Name)]
public sealed class AddedCityMessageTests(AddedCityApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAll();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_judgement_an_added_citys_feed_sends_at_once_is_handled_in_that_city_and_leaves_its_inbox()
    {
        var office = app.Office(AddedCityApp.City);
        var unit = await NewUnit(office);

        // A deadline two hours past with no reply: the feed's own transaction sends the judgement at once.
        var now = DateTimeOffset.UtcNow;
        await Feed(office, Row("ONCE-1", unit, assignedAt: now.AddHours(-3), replyDueAt: now.AddHours(-2)));

        var charged = await Eventually.Holds(async () => (await D31(office, unit)).Count == 1, TimeSpan.FromSeconds(60));
        Assert.True(charged, "the judgement sent at once from the added city's feed recorded no D3.1 in that city");
        Assert.Equal("ONCE-1", Assert.Single(await D31(office, unit)).GetProperty("caseNumber").GetString());

        await AssertInboxEmpties();
    }

    [Fact]
    public async Task A_judgement_an_added_citys_feed_schedules_fires_from_its_own_store_when_due()
    {
        var office = app.Office(AddedCityApp.City);
        var unit = await NewUnit(office);

        // A deadline seconds away: the judgement is scheduled in the city's store for it (the grace is nought
        // here), and the notices' look-ahead, the deadline being within its lead, is sent at once.
        var now = DateTimeOffset.UtcNow;
        var due = now.AddSeconds(15);
        await Feed(office,
            Row("LATE-1", unit, assignedAt: now.AddMinutes(-5), replyDueAt: due),
            Row("KEPT-1", unit, assignedAt: now.AddMinutes(-5), replyDueAt: due),
            new { eventId = "KEPT-1-r", caseNumber = "KEPT-1", type = "replied", at = Iso(now.AddMinutes(-1)) });
        Assert.Equal(1L, await app.InCity(
            "select count(*) from {schema}.wolverine_incoming_envelopes where status = 'Scheduled' and message_type like '%JudgeDueDeadlines%'"));
        Assert.Empty(await D31(office, unit));

        var charged = await Eventually.Holds(async () => (await D31(office, unit)).Count == 1, TimeSpan.FromSeconds(90));
        Assert.True(charged, "the judgement scheduled in the added city's store recorded no D3.1 in that city");
        Assert.Equal("LATE-1", Assert.Single(await D31(office, unit)).GetProperty("caseNumber").GetString());

        await AssertInboxEmpties();
    }

    [Fact]
    public async Task A_judgement_of_the_default_citys_feed_stays_in_the_default_city()
    {
        var office = app.Office(null);
        var unit = await NewUnit(office);
        var now = DateTimeOffset.UtcNow;
        await Feed(office, Row("HOME-1", unit, assignedAt: now.AddHours(-3), replyDueAt: now.AddHours(-2)));

        // Handled, D3.1 recorded, and marked so in the master database's store: the handler's work is all done.
        var done = await Eventually.Holds(async () => (await D31(office, unit)).Count == 1 && (long)(await app.Rows(
            $"select count(*) from \"{app.Schema}\".wolverine_incoming_envelopes where status = 'Incoming' and message_type like '%JudgeDueDeadlines%'"))[0][0]! == 0,
            TimeSpan.FromSeconds(60));
        Assert.True(done, "the default city's judgement was not handled and marked in its own store");

        // Only an occurrence of the recurring schedule goes on to every city: the added city has nothing to judge and was sent nothing.
        Assert.Equal(0L, await app.InCity("select count(*) from {schema}.wolverine_incoming_envelopes"));
    }

    [Fact]
    public async Task An_occurrence_of_a_recurring_schedule_runs_in_the_default_city_and_is_handed_on_to_the_added_one()
    {
        // Run now, as Wolverine's schedule runs it: published once, for the default city, marked as the schedule's occurrence.
        await app.Host.Services.GetRequiredService<IRecurringScheduleControl>().TriggerAsync(nameof(VerifyLedgerIntegrity));

        foreach (var city in new[] { null, AddedCityApp.City })
        {
            var office = app.Office(city);
            var verified = await Eventually.Holds(async () =>
                (await office.Get("/api/integrity/status")).Json.GetProperty("lastVerification").ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(90));
            Assert.True(verified, $"the scheduled verification did not run in {city ?? "the default city"}");
        }

        await AssertInboxEmpties();
    }

    /// <summary>Every message of the city's inbox handled and marked so in its own store: none waiting, none taken and left.</summary>
    private async Task AssertInboxEmpties()
    {
        const string waiting = "select count(*) from {schema}.wolverine_incoming_envelopes where status in ('Incoming', 'Scheduled')";
        var empty = await Eventually.Holds(async () => await app.InCity(waiting) == 0, TimeSpan.FromSeconds(30));
        Assert.True(empty, "messages were left in the added city's inbox:\n" + await app.RowsInCity(
            "select message_type, status, owner_id, execution_time, attempts from {schema}.wolverine_incoming_envelopes where status in ('Incoming', 'Scheduled')"));
        Assert.Equal(0L, await app.InCity("select count(*) from {schema}.wolverine_dead_letters"));
    }

    private static async Task<Guid> NewUnit(Caller office)
    {
        var reply = await office.Post("/api/units", new { code = "MSG", name = "消息单位" });
        Assert.True(reply.Status == HttpStatusCode.Created, reply.Text);
        return reply.Json.GetProperty("id").GetGuid();
    }

    private static async Task Feed(Caller office, params object[] rows)
    {
        var reply = await office.Post("/api/cases/events", new { events = rows });
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
        Assert.Equal(0, reply.Json.GetProperty("rejected").GetArrayLength());
    }

    private static object Row(string caseNumber, Guid unit, DateTimeOffset assignedAt, DateTimeOffset replyDueAt) =>
        new { eventId = $"{caseNumber}-a", caseNumber, type = "assigned", at = Iso(assignedAt), unitId = unit, replyDueAt = Iso(replyDueAt) };

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private static async Task<List<JsonElement>> D31(Caller office, Guid unit)
    {
        var reply = await office.Get($"/api/evidence?unitId={unit}&clause=D3.1");
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
        return reply.Json.EnumerateArray().ToList();
    }
}

/// <summary>
/// The ledger with one city added at run time, after the host (and Wolverine) started, as <c>POST /api/cities</c>
/// adds one; reply deadlines judged at the deadline itself, on a one-second grid, so that a test waits seconds.
/// </summary>
public sealed class AddedCityApp : LedgerApp, IAsyncLifetime
{
    /// <summary>The added city. Its database (the master's name and <c>_xm</c>) is shared by runs, each in its own schema.</summary>
    public const string City = "XM";

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Host.Services.GetRequiredService<Cities>().AddAsync(City, "南阳市");
    }

    // The recurring schedule exists here: a test runs one of its occurrences now.
    protected override void ConfigureHost(IWebHostBuilder b) => b.UseSetting("Hotline:Integrity:VerifyCron", new IntegrityOptions().VerifyCron);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<DeadlineOptions>(o =>
        {
            o.FeedGrace = TimeSpan.Zero;
            o.Coalesce = TimeSpan.FromSeconds(1);
        });

    /// <summary>A client holding an office token of <paramref name="city"/> (null: the default city).</summary>
    public Caller Office(string? city)
    {
        var client = English(Host.Server.CreateClient());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Issue(
            DevelopmentKey, DefaultUser, DefaultRoles, null, new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeProvider.System.GetUtcNow().AddDays(1), city));
        return new Caller(client);
    }

    /// <summary>A count in the added city's database, in this host's schema.</summary>
    public async Task<long> InCity(string sql)
    {
        await using var conn = await Open();
        await using var cmd = new NpgsqlCommand(sql.Replace("{schema}", $"\"{Schema}\""), conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <summary>The rows of a query in the added city's database, one a line, for a failure's message.</summary>
    public async Task<string> RowsInCity(string sql)
    {
        await using var conn = await Open();
        await using var cmd = new NpgsqlCommand(sql.Replace("{schema}", $"\"{Schema}\""), conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i)))));
        return string.Join('\n', lines);
    }

    /// <summary>The ledger of both cities emptied, and the added city's message store.</summary>
    public async Task ResetAll()
    {
        await Reset();
        await using var conn = await Open();
        await using var cmd = new NpgsqlCommand(EmptyLedgerSql(Schema, OwnTables), conn);
        await cmd.ExecuteNonQueryAsync();
    }

    // The ledger's own tables, and the city's inbox and dead letters, which a test reads.
    private static readonly string[] OwnTables =
        ["hl_idempotency", "hl_ledger_chain", "wolverine_incoming_envelopes", "wolverine_dead_letters", .. Hotline.Ledger.Cases.CaseStorage.Tables];

    private async Task<NpgsqlConnection> Open()
    {
        var conn = new NpgsqlConnection(CityApp.DatabaseOf(City));
        await conn.OpenAsync();
        return conn;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await using var conn = await Open();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{Schema}\" cascade", conn);
        await drop.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AddedCityCollection : ICollectionFixture<AddedCityApp>
{
    public const string Name = "cities: an added city's messages";
}
