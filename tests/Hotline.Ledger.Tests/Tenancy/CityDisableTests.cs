using System.Net;
using System.Text.Json;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.Integrity;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tenancy;
using Hotline.Ledger.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;

namespace Hotline.Ledger.Tests.Tenancy;

/// <summary>
/// A city taken out of service by the province's administrator and brought back (ADR 0185): its users are refused
/// everywhere with 该市已停用 and nothing is appended, its ledger is kept, the other cities go on, its recurring jobs
/// stop, and once enabled it works again with the deadlines passed meanwhile judged once, as of each deadline.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class CityDisableTests(CityApp app) : IAsyncLifetime
{
    private const string C = CityApp.C;

    public async Task InitializeAsync()
    {
        await app.ResetAll();
        // The service record is never emptied: a test that stopped half-way left the city disabled, brought back here.
        var states = app.Host.Services.GetRequiredService<CityStates>();
        if (await states.IsDisabledAsync(C)) await states.EnableAsync(C, "测试复位", "tests");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Caller Admin => app.InCity(null, "省平台管理员", [Roles.ProvinceAdmin]);

    private static Caller Chinese(Caller caller)
    {
        caller.Client.DefaultRequestHeaders.AcceptLanguage.Clear();
        return caller;
    }

    private static async Task<JsonElement> Created(Caller caller, string url, object body, HttpStatusCode status = HttpStatusCode.Created, string? key = null)
    {
        var reply = await caller.Post(url, body, key);
        Assert.True(reply.Status == status, $"POST {url} answered {(int)reply.Status}: {reply.Text}");
        return reply.Json;
    }

    private Task<object?> EventsInC() => app.ScalarIn(C, "select count(*) from {schema}.mt_events where type <> 'tombstone'");

    private async Task<JsonElement> ListedC() =>
        (await Admin.Get("/api/cities")).Json.EnumerateArray().Single(c => c.GetProperty("code").GetString() == C);

    private static void AssertCityDisabled(Reply reply, string what)
    {
        Assert.True(reply.Status == HttpStatusCode.Forbidden, $"{what} answered {(int)reply.Status}: {reply.Text}");
        Assert.Equal("application/problem+json", reply.MediaType);
        Assert.Equal("auth.forbidden.cityDisabled", reply.Json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_disabled_citys_users_are_refused_everywhere_and_append_nothing_until_it_is_enabled_again()
    {
        var office = app.Office(C);
        var unit = (await Created(office, "/api/units", new { code = "GA", name = "公安局" })).GetProperty("id").GetGuid();
        var entry = (await Created(office, "/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-05-10", reason = "市民来电致谢" })).GetProperty("id").GetGuid();

        var disabled = await Created(Admin, $"/api/cities/{C}/disable", new { reason = "并入邻市，台账封存" }, HttpStatusCode.OK);
        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        Assert.Equal("省平台管理员", disabled.GetProperty("by").GetString());
        Assert.Equal("并入邻市，台账封存", disabled.GetProperty("reason").GetString());
        var before = await EventsInC();

        // Reads, a download, writes, the chain, by every kind of user of the city, in its own words.
        var auditor = app.InCity(C, "auditor", [Roles.Auditor]);
        AssertCityDisabled(await office.Get("/api/units"), "GET /api/units");
        AssertCityDisabled(await office.Get($"/api/entries/{entry}"), "GET /api/entries/{id}");
        AssertCityDisabled(await Caller.Send(auditor.Client, HttpMethod.Get, $"/api/evidence?unitId={unit}", null, null, "text/csv"), "the evidence download");
        AssertCityDisabled(await auditor.Get("/api/integrity"), "GET /api/integrity");
        AssertCityDisabled(await office.Post("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-05-11", reason = "再次致谢" }), "POST /api/entries");
        AssertCityDisabled(await office.Post("/api/units", new { code = "JT", name = "交通局" }, "disabled-city-unit"), "a keyed POST /api/units");
        AssertCityDisabled(await office.Post($"/api/entries/{entry}/rescind", new { reason = "撤销" }), "POST /api/entries/{id}/rescind");
        var chinese = await Chinese(app.Office(C)).Get("/api/units");
        Assert.Equal(HttpStatusCode.Forbidden, chinese.Status);
        Assert.Equal("该市已停用", chinese.Json.GetProperty("title").GetString());
        Assert.Contains("该市已停用", chinese.Json.GetProperty("detail").GetString());
        Assert.Equal(before, await EventsInC());

        // The other cities, and the default one, go on as before.
        foreach (var other in new[] { CityApp.A, null })
        {
            var theirs = app.Office(other);
            await Created(theirs, "/api/units", new { code = "GA", name = "公安局" });
            Assert.Equal(HttpStatusCode.OK, (await theirs.Get("/api/units")).Status);
        }

        var listed = await ListedC();
        Assert.Equal("disabled", listed.GetProperty("state").GetString());
        Assert.Equal("并入邻市，台账封存", listed.GetProperty("lastChange").GetProperty("reason").GetString());

        await Created(Admin, $"/api/cities/{C}/enable", new { reason = "恢复使用" }, HttpStatusCode.OK);
        Assert.Equal("inService", (await ListedC()).GetProperty("state").GetString());
        Assert.Contains(entry.ToString(), (await office.Get($"/api/entries/{entry}")).Text);
        Assert.Equal(HttpStatusCode.OK, (await Caller.Send(auditor.Client, HttpMethod.Get, $"/api/evidence?unitId={unit}", null, null, "text/csv")).Status);
        await Created(office, "/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-05-11", reason = "再次致谢" });
        var integrity = await auditor.Get("/api/integrity");
        Assert.True(integrity.Json.GetProperty("valid").GetBoolean(), integrity.Text);

        // Who, when and why, both times, kept in order.
        var record = (await Admin.Get($"/api/cities/{C}/states")).Json.EnumerateArray().ToList();
        var last2 = record.TakeLast(2).ToList();
        Assert.Equal([true, false], last2.Select(r => r.GetProperty("disabled").GetBoolean()));
        Assert.Equal(["并入邻市，台账封存", "恢复使用"], last2.Select(r => r.GetProperty("reason").GetString()));
        Assert.All(last2, r => Assert.Equal("省平台管理员", r.GetProperty("by").GetString()));
        Assert.True(last2[0].GetProperty("at").GetDateTimeOffset() <= last2[1].GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_default_city_cannot_be_disabled_an_unknown_city_is_404_and_disabling_twice_is_409_unless_keyed()
    {
        var refused = await Chinese(Admin).Post("/api/cities/xy/disable", new { reason = "试图停用默认城市" });
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("city.default.disable", refused.Json.GetProperty("code").GetString());
        Assert.Contains("不能停用", refused.Json.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.Office(null).Get("/api/units")).Status);

        var unknown = await Admin.Post("/api/cities/NOPE/disable", new { reason = "无此城市" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("city.notFound", unknown.Json.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.Post("/api/cities/NOPE/enable", new { })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.Get("/api/cities/NOPE/states")).Status);

        var enabledAlready = await Admin.Post($"/api/cities/{C}/enable", new { });
        Assert.Equal(HttpStatusCode.Conflict, enabledAlready.Status);
        Assert.Equal("city.enabled.already", enabledAlready.Json.GetProperty("code").GetString());

        var linesBefore = (await Admin.Get($"/api/cities/{C}/states")).Json.GetArrayLength();
        var first = await Created(Admin, $"/api/cities/{C}/disable", new { reason = "机构调整" }, HttpStatusCode.OK, key: "disable-xc");
        var replayed = await Created(Admin, $"/api/cities/{C}/disable", new { reason = "机构调整" }, HttpStatusCode.OK, key: "disable-xc");
        Assert.Equal(first.GetProperty("at").GetString(), replayed.GetProperty("at").GetString());
        var twice = await Admin.Post($"/api/cities/{C}/disable", new { reason = "机构调整" });
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);
        Assert.Equal("city.disabled.already", twice.Json.GetProperty("code").GetString());
        Assert.Equal(linesBefore + 1, (await Admin.Get($"/api/cities/{C}/states")).Json.GetArrayLength());

        await Created(Admin, $"/api/cities/{C}/enable", new { reason = "恢复" }, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_the_province_administrator_disables_a_city_and_the_province_still_reads_its_kept_ledger()
    {
        foreach (var (city, role) in new[] { ((string?)null, Roles.Office), (null, Roles.Province), (null, Roles.Leader), (C, Roles.Office), (CityApp.A, Roles.Auditor) })
        {
            var reply = await app.InCity(city, $"tester-{role}", [role]).Post($"/api/cities/{C}/disable", new { reason = "越权" });
            Assert.True(reply.Status == HttpStatusCode.Forbidden, $"{role} of {city ?? "the default city"} answered {(int)reply.Status}: {reply.Text}");
            Assert.Equal(HttpStatusCode.Forbidden, (await app.InCity(city, $"tester-{role}", [role]).Get("/api/cities")).Status);
        }

        Assert.Equal("inService", (await ListedC()).GetProperty("state").GetString());

        await Created(app.Office(C), "/api/units", new { code = "GA", name = "公安局" });
        await Created(Admin, $"/api/cities/{C}/disable", new { reason = "暂停使用" }, HttpStatusCode.OK);
        var province = app.InCity(null, "省热线办", [Roles.Province]);
        var summary = await province.Get("/api/province/summary?year=2020");
        Assert.True(summary.Status == HttpStatusCode.OK, summary.Text);
        var row = summary.Json.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("code").GetString() == C);
        Assert.False(row.GetProperty("inService").GetBoolean());
        Assert.Equal(1, row.GetProperty("units").GetInt32());
        Assert.True(summary.Json.GetProperty("cities").EnumerateArray().Where(c => c.GetProperty("code").GetString() != C).All(c => c.GetProperty("inService").GetBoolean()));
        var download = await Caller.Send(province.Client, HttpMethod.Get, "/api/province/summary/download?year=2020", null, null, "text/csv");
        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Contains("已停用", download.Text);
        Assert.Equal(HttpStatusCode.OK, (await province.Get($"/api/province/cities/{C}/rates?year=2020")).Status);
        Assert.Equal(HttpStatusCode.OK, (await province.Get($"/api/province/cities/{C}/circulars")).Status);
        Assert.Contains(C, (await province.Get("/api/province/cities")).Text);

        await Created(Admin, $"/api/cities/{C}/enable", new { reason = "恢复" }, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_disabled_citys_recurring_jobs_are_not_run_and_leave_nothing_in_its_inbox()
    {
        await Created(Admin, $"/api/cities/{C}/disable", new { reason = "暂停" }, HttpStatusCode.OK);
        // As the schedule sends it: once, with no city, marked as an occurrence of its schedule; handed on to every city in service.
        using (var scope = app.Host.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new VerifyLedgerIntegrity(),
                new DeliveryOptions { Headers = { [RecurringMessage.HeaderKey] = nameof(VerifyLedgerIntegrity) } });
        // And as a copy stored for the city before it was disabled would arrive: in its own name.
        await InvokeIn(C, new VerifyLedgerIntegrity());

        var verifiedInA = await Eventually.Holds(async () =>
            (long)(await app.ScalarIn(CityApp.A, "select count(*) from {schema}.mt_doc_integrityverification"))! == 1, TimeSpan.FromMinutes(2));
        Assert.True(verifiedInA, "the city in service was not verified");
        Assert.Equal(0L, await app.ScalarIn(C, "select count(*) from {schema}.mt_doc_integrityverification"));
        Assert.Equal(0L, await app.ScalarIn(C, "select count(*) from {schema}.wolverine_incoming_envelopes where status = 'Incoming'"));

        await Created(Admin, $"/api/cities/{C}/enable", new { }, HttpStatusCode.OK);
        await InvokeIn(C, new VerifyLedgerIntegrity());
        Assert.Equal(1L, await app.ScalarIn(C, "select count(*) from {schema}.mt_doc_integrityverification"));
    }

    [Fact]
    public async Task A_deadline_passed_while_the_city_was_disabled_is_judged_once_as_of_the_deadline_when_it_is_enabled()
    {
        var office = app.Office(C);
        var unit = (await Created(office, "/api/units", new { code = "GA", name = "公安局" })).GetProperty("id").GetGuid();
        // A reply due in a few seconds (the cities' host gives the feed no grace): it passes while the city is disabled.
        var due = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
        var caseNumber = "LATE-C-" + Guid.NewGuid().ToString("N")[..6];
        await Created(office, "/api/cases/events", new
        {
            events = new[] { new { eventId = caseNumber + "-a", caseNumber, type = "assigned", at = Iso(due.AddDays(-2)), unitId = unit, replyDueAt = Iso(due) } },
        }, HttpStatusCode.OK);
        await Created(Admin, $"/api/cities/{C}/disable", new { reason = "暂停" }, HttpStatusCode.OK);

        // The deadline passes while the city is disabled; a judgement that fires for it then does nothing.
        Assert.True(DateTimeOffset.UtcNow < due, "the city was disabled only after the deadline: the machine is too slow for this test");
        await Eventually.Holds(() => Task.FromResult(DateTimeOffset.UtcNow > due + TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(60));
        var before = await EventsInC();
        await InvokeIn(C, new JudgeDueDeadlines());
        Assert.Equal(before, await EventsInC());
        Assert.Equal(0L, await app.ScalarIn(C, "select count(*) from {schema}.mt_events where data::text like '%D3.1%'"));

        // Enabled, the city's judgement is sent at once: the deduction is recorded, dated at the deadline, and only once.
        await Created(Admin, $"/api/cities/{C}/enable", new { reason = "恢复" }, HttpStatusCode.OK);
        var auditor = app.InCity(C, "auditor", [Roles.Auditor]);
        List<JsonElement> d31 = [];
        await Eventually.Holds(async () =>
        {
            d31 = (await auditor.Get($"/api/evidence?unitId={unit}&clause=D3.1")).Json.EnumerateArray().ToList();
            return d31.Count > 0;
        }, TimeSpan.FromMinutes(2));
        Assert.True(d31.Count == 1, $"enabling the city judged its passed deadline {d31.Count} times");
        await InvokeIn(C, new JudgeDueDeadlines());
        d31 = (await auditor.Get($"/api/evidence?unitId={unit}&clause=D3.1")).Json.EnumerateArray().ToList();
        var entry = Assert.Single(d31);
        Assert.Equal(OfficeDate(due), entry.GetProperty("occurredOn").GetString());
        Assert.Equal(caseNumber, entry.GetProperty("caseNumber").GetString());
    }

    [Fact]
    public async Task Another_node_learns_that_a_city_is_disabled_within_its_refresh()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hotline:Schema"] = app.Schema, ["Hotline:Cities:RefreshEvery"] = "00:00:00.300",
        }).Build();
        var other = new CityStates(app.Host.Services.GetRequiredService<Cities>(), app.Host.Services.GetRequiredService<NpgsqlDataSource>(), config, TimeProvider.System);
        Assert.False(await other.IsDisabledAsync(C));

        await Created(Admin, $"/api/cities/{C}/disable", new { reason = "暂停" }, HttpStatusCode.OK);
        Assert.True(await Eventually.Holds(() => other.IsDisabledAsync(C), TimeSpan.FromMinutes(1)), "the other node never learnt that the city is disabled");
        Assert.False(await other.IsDisabledAsync(CityApp.A));

        await Created(Admin, $"/api/cities/{C}/enable", new { reason = "恢复" }, HttpStatusCode.OK);
        Assert.True(await Eventually.Holds(async () => !await other.IsDisabledAsync(C), TimeSpan.FromMinutes(1)), "the other node never learnt that the city is enabled");
    }

    /// <summary>Handles a message in a city's name at once, through the whole handler chain, as its store would deliver it.</summary>
    private async Task InvokeIn(string city, object message)
    {
        using var scope = app.Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeForTenantAsync(city, message);
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static string OfficeDate(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).ToString("yyyy-MM-dd");
}
