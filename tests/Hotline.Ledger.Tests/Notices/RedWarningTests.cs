using Hotline.Ledger.Notices;
using Hotline.Ledger.Time;
using Wolverine.Tracking;

namespace Hotline.Ledger.Tests.Notices;

/// <summary>
/// A rate warning of <c>/api/warnings</c> turning red (a criterion's part scoring nothing) is noticed once per
/// turn, judged on the office clock by the look-ahead (ADR 0094).
/// </summary>
public class RedWarningTests(NoticeApp app) : NoticeTest(app)
{
    private static DateTimeOffset Local(int year, int month, int day, int hour = 0) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private void MoveTo(DateTimeOffset instant)
    {
        if (instant > App.Clock.GetUtcNow()) App.Clock.SetUtcNow(instant);
    }

    private async Task LookAhead()
    {
        await App.Host.InvokeMessageAndWaitAsync(new LookAheadForNotices());
        await App.Settled();
    }

    private async Task<List<System.Text.Json.JsonElement>> Reds() =>
        (await App.Ok("/api/notices")).EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "warningRed").ToList();

    private async Task<string?> Light(Guid person) =>
        (await App.Ok("/api/warnings")).GetProperty("warnings").EnumerateArray()
        .Where(w => w.TryGetProperty("personId", out var p) && p.ValueKind != System.Text.Json.JsonValueKind.Null && p.GetGuid() == person)
        .Select(w => w.GetProperty("level").GetString()).FirstOrDefault();

    private Task<System.Text.Json.JsonElement> Complaint(Guid unit, Guid person, string on) =>
        App.Created("/api/entries", new { clause = "D1", unitId = unit, personId = person, occurredOn = on, points = 5, reason = "拖延不办，群众投诉" });

    [Fact]
    public async Task A_person_s_I7_turning_red_is_noticed_once_and_again_only_after_it_was_yellow_again()
    {
        var year = OfficeCalendar.DateOf(App.Clock.GetUtcNow()).Year + 1;
        MoveTo(Local(year, 3, 2, 9));
        var unit = await App.NewUnit("RW-1", "市水务局");
        var person = await App.NewPerson(unit, $"{year}-01-01", "刘洋");
        await App.Subscribe(new { unitId = unit, kinds = new[] { "warningRed" }, channel = "webhook", url = App.Hooks.Url("red"), secret = "the-red-light-robot-secret" });
        await App.Subscribe(new { kinds = new[] { "warningRed" }, channel = "inbox" });

        // One complaint: I7 (no complaint all year) falls to 5 of 10, a yellow light: nothing is noticed.
        await Complaint(unit, person, $"{year}-03-01");
        await LookAhead();
        Assert.Equal("yellow", await Light(person));
        Assert.Empty(await Reds());

        // A second: I7 gives nothing, the light is red: noticed once, however often the look-ahead runs.
        var second = await Complaint(unit, person, $"{year}-03-02");
        await LookAhead();
        await LookAhead();
        Assert.Equal("red", await Light(person));
        var red = Assert.Single(await Reds());
        Assert.Equal(unit, red.GetProperty("unitId").GetGuid());
        Assert.Equal(person, red.GetProperty("personId").GetGuid());
        Assert.Equal("I7", red.GetProperty("clause").GetString());
        Assert.Equal("群众评价良好。群众认可,全年无举报投诉", red.GetProperty("clauseText").GetString());
        Assert.Equal(-10m, red.GetProperty("points").GetDecimal());
        Assert.Equal("市水务局：刘洋：I7亮红灯，本项不得分", red.GetProperty("title").GetString());
        Assert.Contains("本年度D1记录 2 条", red.GetProperty("text").GetString());
        Assert.Contains("可能扣分：-10分", red.GetProperty("text").GetString());
        await NoticeApp.Until(async () => { await Task.Yield(); return App.Hooks.To("red").Count == 1; }, "the red warning's webhook");
        Assert.Equal(red.GetProperty("id").GetString(), App.Hooks.To("red")[0].Headers["X-Hotline-Notice-Id"]);

        // The office's clock moves on, and the look-ahead fires later: still red, still one notice.
        MoveTo(Local(year, 3, 5, 9));
        await LookAhead();
        Assert.Single(await Reds());

        // One complaint rescinded: yellow again. Another complaint: it turns red a second time, a second notice.
        await App.Created($"/api/entries/{second.GetProperty("id").GetGuid()}/rescind", new { reason = "经核实投诉不实" }, System.Net.HttpStatusCode.OK);
        await LookAhead();
        Assert.Equal("yellow", await Light(person));
        Assert.Single(await Reds());
        await Complaint(unit, person, $"{year}-03-05");
        await LookAhead();
        Assert.Equal(2, (await Reds()).Count);
        Assert.Equal(2, App.Hooks.To("red").Count);
    }

    [Fact]
    public async Task Without_a_subscription_to_red_warnings_nothing_is_judged_nor_noticed_later_for_then()
    {
        var year = OfficeCalendar.DateOf(App.Clock.GetUtcNow()).Year + 1;
        MoveTo(Local(year, 3, 2, 9));
        var unit = await App.NewUnit("RW-2", "市林业局");
        var person = await App.NewPerson(unit, $"{year}-01-01", "赵磊");
        await App.Subscribe(new { kinds = new[] { "entryRecorded" }, channel = "inbox" });
        await Complaint(unit, person, $"{year}-03-01");
        await Complaint(unit, person, $"{year}-03-02");
        await LookAhead();
        Assert.Equal("red", await Light(person));
        Assert.Empty(await App.Rows($"select id from \"{App.Schema}\".mt_doc_redlight"));

        // Subscribed afterwards: the light that is red now is noticed at the next look-ahead.
        await App.Subscribe(new { kinds = new[] { "warningRed" }, channel = "inbox" });
        await LookAhead();
        Assert.Single(await Reds());
    }
}
