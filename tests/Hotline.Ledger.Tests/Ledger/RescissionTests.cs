using System.Net;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Ledger;

public class RescissionTests(LedgerApp app) : LedgerTest(app)
{
    private async Task<Guid> Recorded(string clause = "D1", decimal? points = 6)
    {
        var unit = await App.NewUnit();
        var entry = await App.Created("/api/entries", new { clause, unitId = unit, occurredOn = "2020-05-10", points, reason = "群众投诉" });
        return entry.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_rescission_is_a_new_event_and_the_original_stays_in_the_history()
    {
        var id = await Recorded();
        var rescinded = await App.Created($"/api/entries/{id}/rescind", new { reason = "经核实不属实" }, HttpStatusCode.OK);

        Assert.Equal("rescinded", rescinded.GetProperty("status").GetString());
        var rescission = rescinded.GetProperty("rescission");
        Assert.Equal("经核实不属实", rescission.GetProperty("reason").GetString());
        Assert.Equal("office", rescission.GetProperty("rescindedBy").GetString());
        Assert.True(rescission.GetProperty("rescindedAt").GetDateTimeOffset() >= rescinded.GetProperty("recordedAt").GetDateTimeOffset());
        Assert.Equal(-6, rescinded.GetProperty("points").GetDecimal());

        var read = await App.Ok($"/api/entries/{id}");
        Assert.Equal("rescinded", read.GetProperty("status").GetString());

        await using var session = App.Store.LightweightSession();
        var events = await session.Events.FetchStreamAsync(id);
        Assert.Equal(["EntryRecorded", "EntryRescinded"], events.Select(e => e.EventType.Name));
    }

    [Fact]
    public async Task A_second_rescission_is_a_409_and_an_unknown_entry_a_404()
    {
        var id = await Recorded();
        await App.Created($"/api/entries/{id}/rescind", new { reason = "错录" }, HttpStatusCode.OK);
        await Refused(() => App.Post($"/api/entries/{id}/rescind", new { reason = "again" }), HttpStatusCode.Conflict);
        await Refused(() => App.Post($"/api/entries/{Guid.NewGuid()}/rescind", new { reason = "x" }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/entries/{Guid.NewGuid()}")).Status);
    }

    [Fact]
    public async Task A_rescission_needs_a_reason()
    {
        var id = await Recorded();
        await Refused(() => App.Post($"/api/entries/{id}/rescind", new { reason = "" }), HttpStatusCode.BadRequest, "reason");
    }

    [Fact]
    public async Task Racing_rescissions_of_one_entry_rescind_it_once()
    {
        var id = await Recorded();
        var before = await App.EventCount();
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => App.Post($"/api/entries/{id}/rescind", new { reason = $"r{i}" })));
        Assert.Single(replies, r => r.Status == HttpStatusCode.OK);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        Assert.Equal(before + 1, await App.EventCount());
    }

    [Fact]
    public async Task Rescinding_a_once_per_year_entry_lets_a_corrected_one_take_its_place()
    {
        var unit = await App.NewUnit();
        var first = await App.Created("/api/entries", new { clause = "B4", unitId = unit, occurredOn = "2020-12-01", points = 10, reason = "创新" });
        await Refused(() => App.Post("/api/entries", new { clause = "B4", unitId = unit, occurredOn = "2020-12-02", points = 7, reason = "创新" }), HttpStatusCode.Conflict);

        await App.Created($"/api/entries/{first.GetProperty("id").GetGuid()}/rescind", new { reason = "分值有误" }, HttpStatusCode.OK);
        var corrected = await App.Created("/api/entries", new { clause = "B4", unitId = unit, occurredOn = "2020-12-02", points = 7, reason = "创新（更正）" });
        Assert.Equal(7, corrected.GetProperty("points").GetDecimal());
    }
}
