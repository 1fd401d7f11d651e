using System.Net;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Ledger.Tests.Evaluation;

/// <summary>The API on a clock the test moves: it starts at the real now, so that the store's stamps agree with it.</summary>
public sealed class ClockedLedgerApp : LedgerApp
{
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

[CollectionDefinition(Name)]
public sealed class ClockedCollection : ICollectionFixture<ClockedLedgerApp>
{
    public const string Name = "clocked";
}

[Collection(ClockedCollection.Name)]
public class AppealWindowTests(ClockedLedgerApp app) : LedgerTest(app)
{
    private static readonly TimeZoneInfo Office = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Midnight in Shanghai after the office date <paramref name="days"/> days past the instant's own date.</summary>
    private static DateTimeOffset EndOfDayAfter(DateTimeOffset instant, int days)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Office).Date.AddDays(days + 1);
        return new DateTimeOffset(local, Office.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task<JsonElement> Deduction(Guid unit) =>
        await App.Created("/api/entries", new { clause = "D1", unitId = unit, occurredOn = "2020-05-10", points = 5, reason = "被投诉" });

    [Fact]
    public async Task An_appeal_is_accepted_through_the_fifteenth_day_after_recording_and_refused_after_it()
    {
        var unit = await App.NewUnit();
        var first = await Deduction(unit);
        var second = await Deduction(unit);
        var clock = ((ClockedLedgerApp)App).Clock;

        clock.SetUtcNow(EndOfDayAfter(first.GetProperty("recordedAt").GetDateTimeOffset(), 15).AddSeconds(-1));
        var accepted = await App.Created("/api/appeals", new { entryId = first.GetProperty("id").GetGuid(), reason = "最后一天提出" });
        Assert.Equal("pending", accepted.GetProperty("status").GetString());

        clock.SetUtcNow(EndOfDayAfter(second.GetProperty("recordedAt").GetDateTimeOffset(), 15));
        var late = await Refused(() => App.Post("/api/appeals", new { entryId = second.GetProperty("id").GetGuid(), reason = "逾期" }),
            HttpStatusCode.Conflict, "entryId");
        Assert.Equal("Appeal window closed", late.Json.GetProperty("title").GetString());
        Assert.Contains("15 days", late.Json.GetProperty("detail").GetString());

        // The window bounds filing, not deciding: the appeal filed in time is still decided.
        var decided = await App.Created($"/api/appeals/{accepted.GetProperty("id").GetGuid()}/decision",
            new { outcome = "rejected", reason = "不成立" }, HttpStatusCode.OK);
        Assert.Equal("rejected", decided.GetProperty("status").GetString());
    }
}
