using System.Text.Json;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wolverine.Tracking;

namespace Hotline.Ledger.Tests.Support;

/// <summary>
/// The API on a controllable clock: the same <see cref="FakeTimeProvider"/> is the application's clock
/// (deadlines, "today") and the store's (recordedAt), as the system clock is both in production. It only
/// moves forward, so each test takes a fresh year of its own with <see cref="CaseFeedTest.Stage"/>.
/// </summary>
public sealed class CaseFeedApp : LedgerApp
{
    // Far from the real clock: a durable judgement scheduled on this clock never fires by itself during a run.
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    // The store stamps recordedAt from the application's clock (StoreClock), so this one clock drives both.
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

[CollectionDefinition(Name)]
public sealed class CaseFeedCollection : ICollectionFixture<CaseFeedApp>
{
    public const string Name = "case-feed";
}

[Collection(CaseFeedCollection.Name)]
public abstract class CaseFeedTest(CaseFeedApp app) : IAsyncLifetime
{
    protected CaseFeedApp App { get; } = app;
    protected FakeTimeProvider Clock => App.Clock;

    public Task InitializeAsync() => App.Reset();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Moves the clock to 1 January (00:00, office time) of the next year and answers that year.</summary>
    protected int Stage()
    {
        var year = OfficeCalendar.DateOf(Clock.GetUtcNow()).Year + 1;
        MoveTo(Local(year, 1, 1));
        return year;
    }

    protected void MoveTo(DateTimeOffset instant)
    {
        if (instant > Clock.GetUtcNow()) Clock.SetUtcNow(instant);
    }

    /// <summary>An instant given in office time (Asia/Shanghai, UTC+8).</summary>
    protected static DateTimeOffset Local(int year, int month, int day, int hour = 0, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    protected static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    protected static object Row(string eventId, string caseNumber, string type, DateTimeOffset at, Guid? unitId = null, Guid? personId = null,
        DateTimeOffset? replyDueAt = null, DateTimeOffset? completionDueAt = null, string? result = null) =>
        new
        {
            eventId, caseNumber, type, at = Iso(at), unitId, personId,
            replyDueAt = replyDueAt is { } r ? Iso(r) : null,
            completionDueAt = completionDueAt is { } c ? Iso(c) : null,
            result,
        };

    /// <summary>Feeds rows that must all be accepted or be duplicates.</summary>
    protected async Task<JsonElement> Ingest(params object[] rows)
    {
        var answer = await IngestSome(rows);
        Assert.True(answer.GetProperty("rejected").GetArrayLength() == 0, $"rows were rejected: {answer.GetProperty("rejected")}");
        return answer;
    }

    /// <summary>Feeds rows of which some may be rejected.</summary>
    protected async Task<JsonElement> IngestSome(params object[] rows) =>
        await App.Created("/api/cases/events", new { events = rows }, System.Net.HttpStatusCode.OK);

    /// <summary>What the scheduled judgement does when it fires: judge every deadline passed by the clock's now.</summary>
    /// <remarks>The wait covers what the judgement cascades too (a notice per entry it records), hence more than the 5 s default.</remarks>
    protected Task Judge() => App.Host.InvokeMessageAndWaitAsync(new JudgeDueDeadlines(), 60_000);

    protected async Task<List<JsonElement>> EntriesOf(Guid unitId, string clause) =>
        (await App.Ok($"/api/evidence?unitId={unitId}&clause={clause}")).EnumerateArray().ToList();
}
