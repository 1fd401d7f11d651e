using System.Net;
using System.Text.Json;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Rulebooks.Drafts;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;
using Hotline.Ledger.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Hotline.Ledger.Tests.WhatIf.Drafting;

namespace Hotline.Ledger.Tests.WhatIf;

/// <summary>
/// The API on a clock the tests move forward, with a catalog of its own: an adopted revision stays in the
/// catalog while the host runs, so these tests keep it away from every other test's host.
/// </summary>
public sealed class RevisionApp : LedgerApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2032, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

[CollectionDefinition(Name)]
public sealed class RevisionCollection : ICollectionFixture<RevisionApp>
{
    public const string Name = "revisions";
}

[Collection(RevisionCollection.Name)]
public class RevisionTests(RevisionApp app) : IAsyncLifetime
{
    private RulebookCatalog Catalog => app.Host.Services.GetRequiredService<RulebookCatalog>();
    private Caller Office => app.As("王芳", [Roles.Office]);
    private Caller Leader => app.As("张市长", [Roles.Leader]);

    public async Task InitializeAsync()
    {
        await app.Reset();
        Catalog.ReplaceAdopted([]);
    }

    public Task DisposeAsync()
    {
        Catalog.ReplaceAdopted([]);
        return Task.CompletedTask;
    }

    /// <summary>5 January of the next year, 10:00 office time: each test has a year of its own.</summary>
    private int Stage()
    {
        var year = OfficeCalendar.DateOf(app.Clock.GetUtcNow()).Year + 1;
        app.Clock.SetUtcNow(new DateTimeOffset(year, 1, 5, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        return year;
    }

    private async Task<Guid> Drafted(int year, string effectiveFrom, string? id = null)
    {
        var book = Named(BuiltIn(), id ?? $"xinyang-{year}", effectiveFrom);
        Clause(book, "B2.1")["points"] = 4;
        var reply = await Office.Send(HttpMethod.Post, "/api/rulebooks/drafts", Json(book));
        Assert.True(reply.Status == HttpStatusCode.Created, reply.Text);
        return reply.Json.GetProperty("id").GetGuid();
    }

    private async Task<Reply> Step(Caller who, Guid draft, string step, object? body = null) =>
        await who.Post($"/api/rulebooks/drafts/{draft}/{step}", body ?? new { });

    [Fact]
    public async Task An_adopted_draft_scores_from_its_effective_date_and_never_changes_a_score_for_a_date_before_it()
    {
        var year = Stage();
        var unit = await app.NewUnit($"RV{year}");
        await app.Created("/api/entries", new { clause = "B2.1", unitId = unit, occurredOn = $"{year}-01-02", reason = "电话表扬" });
        var knownAt = Iso(app.Clock.GetUtcNow());
        var beforeScore = (await app.Ok($"/api/units/{unit}/score?year={year}&asOf={year}-02-28&knownAt={knownAt}")).GetRawText();
        var beforeRanking = (await app.Ok($"/api/rankings?year={year}&asOf={year}-02-28&knownAt={knownAt}")).GetRawText();

        var draft = await Drafted(year, $"{year}-03-01");
        Assert.Equal(HttpStatusCode.Conflict, (await Step(Leader, draft, "approve")).Status);
        Assert.Equal("submitted", (await Step(Office, draft, "submit")).Json.GetProperty("status").GetString());
        Assert.Equal("returned", (await Step(Leader, draft, "return", new { comments = "请说明理由" })).Json.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Step(Office, draft, "submit")).Status);
        var approved = await Step(Leader, draft, "approve");
        Assert.True(approved.Status == HttpStatusCode.OK, approved.Text);
        Assert.Equal(("approved", "张市长"), (approved.Json.GetProperty("status").GetString(), approved.Json.GetProperty("approvedBy").GetString()));

        // Before the effective date nothing changed, whether asked as known before the adoption or now.
        Assert.Equal(beforeScore, (await app.Ok($"/api/units/{unit}/score?year={year}&asOf={year}-02-28&knownAt={knownAt}")).GetRawText());
        Assert.Equal(beforeRanking, (await app.Ok($"/api/rankings?year={year}&asOf={year}-02-28&knownAt={knownAt}")).GetRawText());
        var now = await app.Ok($"/api/units/{unit}/score?year={year}&asOf={year}-02-28");
        Assert.Equal(("xinyang-2019", 2m), (now.GetProperty("rulebook").GetString(), now.GetProperty("total").GetDecimal()));

        // From it, the revision scores; January's entry keeps the points it was recorded with, March's has the new ones.
        app.Clock.SetUtcNow(new DateTimeOffset(year, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        var march = await app.Created("/api/entries", new { clause = "B2.1", unitId = unit, occurredOn = $"{year}-03-02", reason = "电话表扬" });
        Assert.Equal((4m, $"xinyang-{year}"), (march.GetProperty("points").GetDecimal(), march.GetProperty("rulebook").GetString()));
        var after = await app.Ok($"/api/units/{unit}/score?year={year}&asOf={year}-03-31");
        Assert.Equal(($"xinyang-{year}", 6m), (after.GetProperty("rulebook").GetString(), after.GetProperty("total").GetDecimal()));

        // The history names who submitted and who approved, and when.
        var history = (await app.Ok("/api/rulebooks/revisions")).EnumerateArray().ToList();
        Assert.Equal(["xinyang-2019", $"xinyang-{year}"], history.Select(r => r.GetProperty("rulebookId").GetString()));
        Assert.True(history[0].GetProperty("builtIn").GetBoolean());
        var revision = history[1];
        Assert.Equal(("王芳", "张市长", true), (revision.GetProperty("submittedBy").GetString(), revision.GetProperty("approvedBy").GetString(), revision.GetProperty("inForce").GetBoolean()));
        Assert.Equal(approved.Json.GetProperty("approvedAt").GetDateTimeOffset(), revision.GetProperty("approvedAt").GetDateTimeOffset());

        // A revision is final.
        Assert.Equal(HttpStatusCode.Conflict, (await Office.Send(HttpMethod.Delete, $"/api/rulebooks/drafts/{draft}")).Status);

        // A restarted service finds the revision in the store.
        Catalog.ReplaceAdopted([]);
        var restarted = new AdoptedRevisionsAtStartup(app.Store, Catalog, app.Host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AdoptedRevisionsAtStartup>.Instance);
        await restarted.StartAsync(CancellationToken.None);
        await restarted.StopAsync(CancellationToken.None);
        Assert.Equal($"xinyang-{year}", Catalog.InForceOn(new DateOnly(year, 3, 1))!.Id);
    }

    [Fact]
    public async Task A_draft_is_adopted_only_from_a_future_date_under_an_id_and_day_of_its_own()
    {
        var year = Stage();
        var today = await Drafted(year, $"{year}-01-05");
        var events = await app.EventCount();
        var refused = await Step(Office, today, "submit");
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.NotEmpty(refused.ErrorsFor("effectiveFrom"));
        Assert.Equal(events, await app.EventCount());

        var taken = await Drafted(year, $"{year}-06-01", id: "xinyang-2019");
        Assert.NotEmpty((await Step(Office, taken, "submit")).ErrorsFor("id"));

        // Submitted in time, but the date passes before a leader approves: returned, moved, adopted.
        var late = await Drafted(year, $"{year}-02-01");
        Assert.Equal(HttpStatusCode.OK, (await Step(Office, late, "submit")).Status);
        app.Clock.SetUtcNow(new DateTimeOffset(year, 2, 1, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        Assert.NotEmpty((await Step(Leader, late, "approve")).ErrorsFor("effectiveFrom"));
        await Step(Leader, late, "return", new { comments = "改期" });
        var moved = Named(BuiltIn(), $"xinyang-{year}", $"{year}-04-01");
        Assert.Equal(HttpStatusCode.OK, (await Office.Send(HttpMethod.Put, $"/api/rulebooks/drafts/{late}", Json(moved))).Status);
        await Step(Office, late, "submit");
        Assert.Equal(HttpStatusCode.OK, (await Step(Leader, late, "approve")).Status);

        // Another draft for the same day is refused.
        var sameDay = await Drafted(year, $"{year}-04-01", id: $"xinyang-{year}b");
        Assert.NotEmpty((await Step(Office, sameDay, "submit")).ErrorsFor("effectiveFrom"));
    }
}
