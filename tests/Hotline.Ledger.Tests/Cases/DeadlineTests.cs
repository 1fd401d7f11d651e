using System.Net;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Cases;

/// <summary>The deductions the ledger records by itself, on the controllable clock (ADR 0023, ADR 0024).</summary>
public class DeadlineTests(CaseFeedApp app) : CaseFeedTest(app)
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    private async Task<(int Year, Guid Unit, DateTimeOffset At, DateTimeOffset Due)> CaseAssigned(string caseNumber, params object[] more)
    {
        var (year, unit, at, due) = await UnitStaged();
        await Ingest([Row($"{caseNumber}-a", caseNumber, "assigned", at, unit, replyDueAt: due), .. more]);
        return (year, unit, at, due);
    }

    /// <summary>A new year, a unit registered in May, and the instant (clock just after it) a case is assigned with its reply due two days later.</summary>
    private async Task<(int Year, Guid Unit, DateTimeOffset At, DateTimeOffset Due)> UnitStaged()
    {
        var year = Stage();
        MoveTo(Local(year, 5, 1)); // registered in May: May's report is not due before June
        var unit = await App.NewUnit();
        var at = Local(year, 5, 10, 9);
        MoveTo(at.AddMinutes(1));
        return (year, unit, at, at.AddDays(2));
    }

    [Fact]
    public async Task A_reply_deadline_passed_without_an_answer_costs_the_unit_5_points_once_at_the_deadline()
    {
        var (year, unit, _, due) = await CaseAssigned("LATE-1");

        MoveTo(due + Grace - TimeSpan.FromMinutes(1));
        await Judge();
        Assert.Empty(await EntriesOf(unit, "D3.1"));

        MoveTo(due + Grace);
        await Judge();
        await Judge(); // a second firing of the same judgement
        var entry = Assert.Single(await EntriesOf(unit, "D3.1"));
        Assert.Equal(-5m, entry.GetProperty("points").GetDecimal());
        Assert.True(entry.GetProperty("automatic").GetBoolean());
        Assert.Equal("LATE-1", entry.GetProperty("caseNumber").GetString());
        Assert.Equal("ledger", entry.GetProperty("recordedBy").GetString());
        Assert.Equal($"{year}-05-12", entry.GetProperty("occurredOn").GetString());
        Assert.StartsWith("账本自动记录：", entry.GetProperty("reason").GetString());
        Assert.Contains("既未回复、未说明原因，也未获准延期", entry.GetProperty("reason").GetString());

        var read = await App.Ok($"/api/entries/{entry.GetProperty("id").GetGuid()}");
        Assert.True(read.GetProperty("automatic").GetBoolean());
        var card = await App.Ok($"/api/units/{unit}/score?year={year}");
        Assert.Equal(-5m, card.GetProperty("deductionTotal").GetDecimal());
        Assert.Equal("LATE-1", card.GetProperty("entries")[0].GetProperty("caseNumber").GetString());
    }

    [Fact]
    public async Task A_late_reply_does_not_erase_the_deduction_but_a_rescission_does()
    {
        var (year, unit, _, due) = await CaseAssigned("LATE-2");
        MoveTo(due + Grace);
        await Judge();

        await Ingest(Row("LATE-2-r", "LATE-2", "replied", due.AddMinutes(30)));
        MoveTo(due + TimeSpan.FromDays(1));
        await Judge();
        var entry = Assert.Single(await EntriesOf(unit, "D3.1"));
        Assert.Equal("active", entry.GetProperty("status").GetString());

        await App.Created($"/api/entries/{entry.GetProperty("id").GetGuid()}/rescind", new { reason = "平台延迟推送，已按时答复" }, HttpStatusCode.OK);
        await Judge();
        Assert.Equal("rescinded", Assert.Single(await EntriesOf(unit, "D3.1")).GetProperty("status").GetString());
        Assert.Equal(0m, (await App.Ok($"/api/units/{unit}/score?year={year}")).GetProperty("deductionTotal").GetDecimal());
    }

    [Theory]
    [InlineData("replied")]
    [InlineData("explained")]
    [InlineData("returned")]
    public async Task An_answer_by_the_deadline_means_no_deduction(string answer)
    {
        var (_, unit, _, due) = await CaseAssigned("OK-" + answer);
        MoveTo(due);
        await Ingest(Row($"OK-{answer}-r", "OK-" + answer, answer, due));
        MoveTo(due + TimeSpan.FromDays(3));
        await Judge();
        Assert.Empty(await EntriesOf(unit, "D3.1"));
    }

    [Fact]
    public async Task An_extension_granted_in_time_moves_the_deadline_and_one_granted_late_does_not()
    {
        var (_, unit, at, due) = await CaseAssigned("EXT-1");
        MoveTo(at.AddHours(1));
        await Ingest(Row("EXT-1-x", "EXT-1", "extensionGranted", at.AddHours(1), replyDueAt: due.AddDays(3)));

        MoveTo(due + TimeSpan.FromDays(1));
        await Judge();
        Assert.Empty(await EntriesOf(unit, "D3.1"));
        MoveTo(due.AddDays(3) + Grace);
        await Judge();
        Assert.Equal("EXT-1", Assert.Single(await EntriesOf(unit, "D3.1")).GetProperty("caseNumber").GetString());

        var other = await App.NewUnit();
        var at2 = Clock.GetUtcNow();
        var due2 = at2.AddHours(4);
        await Ingest(Row("EXT-2-a", "EXT-2", "assigned", at2, other, replyDueAt: due2));
        MoveTo(due2.AddMinutes(10));
        await Ingest(Row("EXT-2-x", "EXT-2", "extensionGranted", due2.AddMinutes(5), replyDueAt: due2.AddDays(5)));
        MoveTo(due2 + Grace);
        await Judge();
        Assert.Single(await EntriesOf(other, "D3.1"));
    }

    [Fact]
    public async Task A_case_moved_to_another_unit_before_its_deadline_charges_the_unit_that_has_it()
    {
        var (_, first, at, due) = await CaseAssigned("MOVE-1");
        var second = await App.NewUnit();
        MoveTo(at.AddHours(2));
        await Ingest(Row("MOVE-1-m", "MOVE-1", "reassigned", at.AddHours(2), second, replyDueAt: due.AddDays(1)));
        MoveTo(due.AddDays(1) + Grace);
        await Judge();
        Assert.Empty(await EntriesOf(first, "D3.1"));
        Assert.Single(await EntriesOf(second, "D3.1"));
    }

    [Fact]
    public async Task A_judgement_racing_a_feed_batch_on_the_same_cases_charges_each_once_and_keeps_every_row()
    {
        var (year, unit, at, due) = await UnitStaged();
        object[] Batch(Func<int, object> row) => Enumerable.Range(0, 300).Select(row).ToArray();
        await Ingest(Batch(i => Row($"RJ{i}-a", $"RJ{i}", "assigned", at, unit, replyDueAt: due)));

        // The judge charges the 300 late cases while a batch completes the same 300 (a completion is no reply):
        // both write the same case files and streams, and neither may lose the other's work.
        MoveTo(due + Grace);
        var judged = Judge();
        var fed = Ingest(Batch(i => Row($"RJ{i}-c", $"RJ{i}", "completed", due.AddMinutes(30))));
        await Task.WhenAll(judged, fed);
        Assert.Equal(300, (await fed).GetProperty("accepted").GetInt32());
        await Judge();

        Assert.Equal(300, (await EntriesOf(unit, "D3.1")).Select(e => e.GetProperty("caseNumber").GetString()).Distinct().Count());
        Assert.Equal(300, (await EntriesOf(unit, "D3.1")).Count);
        var rates = await App.Ok($"/api/units/{unit}/rates?year={year}");
        Assert.Equal(300, rates.GetProperty("completed").GetInt32());
        var file = await App.Ok("/api/cases/RJ123");
        Assert.Single(file.GetProperty("charges").EnumerateArray());
        Assert.Equal(2, file.GetProperty("facts").GetArrayLength());
    }

    [Fact]
    public async Task A_monthly_report_not_in_by_the_5th_of_the_next_month_costs_5_points_once()
    {
        var year = Stage();
        var unit = await App.NewUnit();
        MoveTo(Local(year, 2, 3, 10));
        var onTime = await App.Created($"/api/units/{unit}/monthly-reports", new { month = $"{year}-01", summary = "一月工作情况" });
        Assert.True(onTime.GetProperty("onTime").GetBoolean());
        Assert.Equal(Local(year, 2, 6), onTime.GetProperty("dueAt").GetDateTimeOffset());

        // February's report is missing at the end of 5 March, office time.
        MoveTo(Local(year, 3, 6) - TimeSpan.FromSeconds(1));
        await Judge();
        Assert.Empty(await EntriesOf(unit, "D3.3"));
        MoveTo(Local(year, 3, 6));
        await Judge();
        await Judge();
        var entry = Assert.Single(await EntriesOf(unit, "D3.3"));
        Assert.Equal(-5m, entry.GetProperty("points").GetDecimal());
        Assert.Equal(new DateOnly(year, 3, 1).AddDays(-1).ToString("yyyy-MM-dd"), entry.GetProperty("occurredOn").GetString()); // February's last day
        Assert.True(entry.GetProperty("automatic").GetBoolean());
        Assert.Equal($"{year}-02", entry.GetProperty("month").GetString());
        var read = await App.Ok($"/api/entries/{entry.GetProperty("id").GetGuid()}");
        Assert.Equal($"{year}-02", read.GetProperty("month").GetString());

        // Handed in late: accepted as evidence for U4.5, but the deduction stands.
        var late = await App.Created($"/api/units/{unit}/monthly-reports", new { month = $"{year}-02", summary = "二月工作情况（补报）" });
        Assert.False(late.GetProperty("onTime").GetBoolean());
        await Judge();
        Assert.Single(await EntriesOf(unit, "D3.3"));
        Assert.Equal(2, (await App.Ok($"/api/units/{unit}/monthly-reports?year={year}")).GetArrayLength());
    }

    [Fact]
    public async Task A_monthly_report_is_refused_for_a_month_not_begun_a_second_time_or_an_unknown_unit()
    {
        var year = Stage();
        var unit = await App.NewUnit();
        MoveTo(Local(year, 3, 2));
        var future = await App.Post($"/api/units/{unit}/monthly-reports", new { month = $"{year}-04", summary = "s" });
        Assert.Equal(HttpStatusCode.BadRequest, future.Status);
        Assert.NotEmpty(future.ErrorsFor("month"));
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Post($"/api/units/{unit}/monthly-reports", new { month = "2020-13", summary = "s" })).Status);

        await App.Created($"/api/units/{unit}/monthly-reports", new { month = $"{year}-02", summary = "s" });
        var events = await App.EventCount();
        var again = await App.Post($"/api/units/{unit}/monthly-reports", new { month = $"{year}-02", summary = "again" });
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(events, await App.EventCount());
        Assert.Equal(HttpStatusCode.NotFound, (await App.Post($"/api/units/{Guid.NewGuid()}/monthly-reports", new { month = $"{year}-02", summary = "s" })).Status);
    }
}
