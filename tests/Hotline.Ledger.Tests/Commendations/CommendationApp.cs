using System.Net;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Ledger.Tests.Commendations;

/// <summary>
/// The API on a clock each test sets: a plan's window is a matter of dates, so every test starts on the
/// same morning (10 January 2021, 10:00 in Shanghai) and moves the clock forward itself. Going back
/// between tests is safe because the ledger is emptied before each one.
/// </summary>
public sealed class CommendationApp : LedgerApp
{
    public static readonly DateTimeOffset Start = new(2021, 1, 10, 2, 0, 0, TimeSpan.Zero);

    private readonly SettableClock _clock = new();

    public FakeTimeProvider Clock => _clock.Current;

    /// <summary>A fresh clock on the start morning; every reading moves it on a millisecond, as time does between requests.</summary>
    public void StartClock() => _clock.Current = new FakeTimeProvider(Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    /// <summary>Moves the office's calendar to 10:00 (Shanghai) on <paramref name="date"/>.</summary>
    public void Today(string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    /// <summary>A clock whose fake can be replaced between tests; the host keeps this one instance.</summary>
    private sealed class SettableClock : TimeProvider
    {
        public FakeTimeProvider Current { get; set; } = new(Start);

        public override DateTimeOffset GetUtcNow() => Current.GetUtcNow();

        public override long GetTimestamp() => Current.GetTimestamp();

        public override long TimestampFrequency => Current.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => Current.LocalTimeZone;
    }
}

[CollectionDefinition(Name)]
public sealed class CommendationCollection : ICollectionFixture<CommendationApp>
{
    public const string Name = "commendations";
}

/// <summary>Base of the commendation tests: a clean ledger, the clock on the start morning, and the steps of the road as helpers.</summary>
[Collection(CommendationCollection.Name)]
public abstract class CommendationTest : LedgerTest
{
    protected CommendationTest(CommendationApp app) : base(app)
    {
        Clocked = app;
        app.StartClock();
    }

    protected CommendationApp Clocked { get; }

    /// <summary>The office's clock for this test; it only moves forward.</summary>
    protected FakeTimeProvider Clock => Clocked.Clock;

    protected static Guid Id(JsonElement e, string property = "id") => e.GetProperty(property).GetGuid();

    protected static string Detail(Reply reply) => reply.Json.GetProperty("detail").GetString()!;

    protected static readonly object IncompleteAccepted = new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } };

    protected Task<JsonElement> Step(string url, object? body = null) => App.Created(url, body ?? new { }, HttpStatusCode.OK);

    protected async Task MarkUnit(Guid unit, decimal shortOnU32 = 0m)
    {
        foreach (var (clause, max) in new[] { ("U1.1", 10m), ("U1.2", 10m), ("U2.1", 4m), ("U2.2", 4m), ("U2.3", 6m), ("U2.4", 6m), ("U3.1", 8m), ("U4.3", 5m), ("U4.5", 5m) })
            await App.Created("/api/marks", new { year = 2020, clause, unitId = unit, points = max, reason = "年终考核" });
        await App.Created("/api/marks", new { year = 2020, clause = "U3.2", unitId = unit, points = 12m - shortOnU32, reason = "年终考核" });
    }

    /// <summary>
    /// Every marked individual criterion at its maximum: 60; with I7 computed from the ledger (10 without a
    /// complaint, 5 with one), 70. I6 is computed from case data, of which there is none here.
    /// </summary>
    protected async Task MarkPerson(Guid person)
    {
        foreach (var (clause, max) in new[] { ("I1", 5m), ("I2", 5m), ("I3", 10m), ("I4", 10m), ("I5", 20m), ("I8", 10m) })
            await App.Created("/api/marks", new { year = 2020, clause, personId = person, points = max, reason = "年终考核" });
    }

    /// <summary>Bonuses worth 20 to the unit (and to the person, when named): with full marks, a total of 90 — 优秀.</summary>
    protected async Task Praise(Guid unit, Guid? person = null)
    {
        foreach (var (clause, points) in new[] { ("B4", 10m), ("B2.3", 5m), ("B2.2", 3m), ("B1", 2m) })
            await App.Created("/api/entries", new { clause, unitId = unit, personId = person, occurredOn = "2020-11-02", points, reason = "表扬" });
    }

    protected async Task<JsonElement> Deduct(Guid unit, string clause, decimal? points = null, Guid? person = null, string occurredOn = "2020-09-01",
        string? caseNumber = null, object[]? evidence = null) =>
        await App.Created("/api/entries", new { clause, unitId = unit, personId = person, occurredOn, points, reason = $"{clause} 扣分", caseNumber, evidence });

    /// <summary>Drafts, submits and approves the 2020 year-end evaluation as the ledger stands.</summary>
    protected async Task<Guid> ApproveYear()
    {
        var id = Id(await App.Created("/api/evaluations", new { year = 2020 }));
        // The fixtures mark only what a test needs: the evaluation goes on incomplete, with a reason (ADR 0066).
        await Step($"/api/evaluations/{id}/submit", IncompleteAccepted);
        await Step($"/api/evaluations/{id}/approve", IncompleteAccepted);
        return id;
    }

    protected Task<Reply> PostPlan(int unitQuota = 1, int personQuota = 1, string opensOn = "2021-01-11", string closesOn = "2021-01-20", int? nominationsPerUnit = null) =>
        App.Post("/api/commendation-plans", new
        {
            year = 2020, scope = "全市市长热线网络成员单位及其工作人员", unitQuota, personQuota, opensOn, closesOn, nominationsPerUnit,
        });

    /// <summary>A plan drafted, submitted and approved; the window runs 11–20 January 2021.</summary>
    protected async Task<Guid> ApprovedPlan(int unitQuota = 1, int personQuota = 1, int? nominationsPerUnit = null)
    {
        var draft = await PostPlan(unitQuota, personQuota, nominationsPerUnit: nominationsPerUnit);
        Assert.True(draft.Status == HttpStatusCode.Created, draft.Text);
        var id = Id(draft.Json);
        await Step($"/api/commendation-plans/{id}/submit");
        await Step($"/api/commendation-plans/{id}/approve");
        return id;
    }

    protected Task<Reply> Apply(Guid plan, Guid unit, bool? seeks = null, params Guid[] nominees) =>
        App.Post($"/api/commendation-plans/{plan}/applications", new
        {
            unitId = unit, selfEvaluation = "本单位全年认真落实热线工作", seeksUnitCommendation = seeks,
            nominations = nominees.Select(p => new { personId = p, deeds = "办理群众诉求认真负责" }).ToArray(),
        });
}
