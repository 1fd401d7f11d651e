using Hotline.Ledger.Notices;
using Hotline.Ledger.Time;
using Wolverine.Tracking;

namespace Hotline.Ledger.Tests.Notices;

/// <summary>The early warnings, on the office clock (the injected <see cref="TimeProvider"/>), not the wall clock (ADR 0098).</summary>
public class LookAheadTests(NoticeApp app) : NoticeTest(app)
{
    private static DateTimeOffset Local(int year, int month, int day, int hour = 0, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    /// <summary>A year of its own: the clock only moves forward.</summary>
    private int Stage()
    {
        var year = OfficeCalendar.DateOf(App.Clock.GetUtcNow()).Year + 1;
        MoveTo(Local(year, 1, 1));
        return year;
    }

    private void MoveTo(DateTimeOffset instant)
    {
        if (instant > App.Clock.GetUtcNow()) App.Clock.SetUtcNow(instant);
    }

    private Task LookAhead() => App.Host.InvokeMessageAndWaitAsync(new LookAheadForNotices());

    private async Task<List<System.Text.Json.JsonElement>> Inbox(string kind) =>
        (await App.Ok("/api/notices")).EnumerateArray().Where(n => n.GetProperty("kind").GetString() == kind).ToList();

    private async Task<List<System.Text.Json.JsonElement>> CaseReds(string caseNumber) =>
        (await Inbox("warningRed")).Where(n => n.TryGetProperty("caseNumber", out var c) && c.ValueKind == System.Text.Json.JsonValueKind.String && c.GetString() == caseNumber).ToList();

    [Fact]
    public async Task A_reply_deadline_four_hours_away_without_an_answer_is_noticed_once_on_the_office_clock()
    {
        var year = Stage();
        MoveTo(Local(year, 5, 1));
        var unit = await App.NewUnit("LA-1", "市交通局");
        await App.Subscribe(new { kinds = new[] { "replyDueSoon", "warningRed", "entryRecorded" }, channel = "inbox" });
        var at = Local(year, 5, 10, 9);
        var due = at.AddDays(2);
        MoveTo(at.AddMinutes(1));
        await App.Created("/api/cases/events", new
        {
            events = new[] { new { eventId = "LA-1-a", caseNumber = "LA-1", type = "assigned", at = Iso(at), unitId = unit, replyDueAt = Iso(due) } },
        }, System.Net.HttpStatusCode.OK);

        // The feed scheduled the look-ahead durably for four hours before the deadline, by the office clock.
        var scheduled = await App.Rows(
            $"select execution_time from \"{App.Schema}\".wolverine_incoming_envelopes where status = 'Scheduled' and message_type ilike '%LookAheadForNotices%'");
        Assert.Contains(scheduled, r => (DateTime)r[0]! == (due - TimeSpan.FromHours(4)).UtcDateTime);

        MoveTo(due - TimeSpan.FromHours(4) - TimeSpan.FromMinutes(1));
        await LookAhead();
        await App.Settled();
        Assert.Empty(await Inbox("replyDueSoon"));

        MoveTo(due - TimeSpan.FromHours(4));
        await LookAhead();
        await App.Settled();
        await LookAhead(); // a second firing raises nothing new
        await App.Settled();

        var notice = Assert.Single(await Inbox("replyDueSoon"));
        Assert.Equal("LA-1", notice.GetProperty("caseNumber").GetString());
        Assert.Equal(unit, notice.GetProperty("unitId").GetGuid());
        Assert.Equal("D3.1", notice.GetProperty("clause").GetString());
        Assert.Equal("对交办事项既不按期回复又不说明原因", notice.GetProperty("clauseText").GetString());
        Assert.Equal(-5m, notice.GetProperty("points").GetDecimal());
        Assert.Equal(due, notice.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Contains($"{year}-05-12 09:00", notice.GetProperty("title").GetString());
        // The case's own light (the unit's rate lights, red with one open case, are noticed on their own).
        Assert.Empty(await CaseReds("LA-1"));

        // Past the deadline and not yet charged: the warning turns red, once.
        MoveTo(due);
        await LookAhead();
        await App.Settled();
        await LookAhead();
        await App.Settled();
        Assert.Single(await CaseReds("LA-1"));

        // The deduction the ledger then records by itself is noticed like any other.
        MoveTo(due + TimeSpan.FromHours(1));
        await App.Host.InvokeMessageAndWaitAsync(new Hotline.Ledger.Deadlines.JudgeDueDeadlines());
        await App.Settled();
        var charged = Assert.Single(await Inbox("entryRecorded"));
        Assert.Equal("D3.1", charged.GetProperty("clause").GetString());
        Assert.Equal("LA-1", charged.GetProperty("caseNumber").GetString());
        Assert.Equal(-5m, charged.GetProperty("points").GetDecimal());
    }

    [Fact]
    public async Task A_reply_answered_in_time_is_not_noticed()
    {
        var year = Stage();
        MoveTo(Local(year, 5, 1));
        var unit = await App.NewUnit("LA-2");
        await App.Subscribe(new { kinds = new[] { "replyDueSoon" }, channel = "inbox" });
        var at = Local(year, 5, 10, 9);
        var due = at.AddDays(2);
        MoveTo(at.AddHours(2));
        await App.Created("/api/cases/events", new
        {
            events = new object[]
            {
                new { eventId = "LA-2-a", caseNumber = "LA-2", type = "assigned", at = Iso(at), unitId = unit, replyDueAt = Iso(due) },
                new { eventId = "LA-2-r", caseNumber = "LA-2", type = "replied", at = Iso(at.AddHours(1)) },
            },
        }, System.Net.HttpStatusCode.OK);

        MoveTo(due - TimeSpan.FromHours(1));
        await LookAhead();
        await App.Settled();
        Assert.Empty(await Inbox("replyDueSoon"));
    }

    [Fact]
    public async Task A_monthly_report_due_within_three_days_and_not_filed_is_noticed()
    {
        var year = Stage();
        MoveTo(Local(year, 3, 1));
        var late = await App.NewUnit("LA-R1", "未报单位");
        var filed = await App.NewUnit("LA-R2", "已报单位");
        await App.Subscribe(new { kinds = new[] { "reportDueSoon" }, channel = "inbox" });
        MoveTo(Local(year, 4, 1, 10));
        await App.Created($"/api/units/{filed}/monthly-reports", new { month = $"{year}-03", summary = "三月份工作情况" });

        // The report for March is due by the end of the rulebook's due day in April.
        await LookAhead();
        await App.Settled();
        var early = await Inbox("reportDueSoon");

        for (var day = 1; day <= 30 && (await Inbox("reportDueSoon")).Count == 0; day++)
        {
            MoveTo(Local(year, 4, day, 12));
            await LookAhead();
            await App.Settled();
        }

        var notice = Assert.Single(await Inbox("reportDueSoon"));
        Assert.Empty(early);
        Assert.Equal(late, notice.GetProperty("unitId").GetGuid());
        Assert.Equal("D3.3", notice.GetProperty("clause").GetString());
        Assert.True(notice.GetProperty("dueAt").GetDateTimeOffset() - App.Clock.GetUtcNow() <= TimeSpan.FromDays(3));
        Assert.Contains($"{year}年3月", notice.GetProperty("title").GetString());
    }
}
