using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hotline.Ledger.Time;

namespace Hotline.Ledger.Tests.Notices;

/// <summary>
/// The notices of the office's and the leadership's decisions, each delivered once to a real receiver and
/// signed: an appeal decided, an evaluation or a commendation plan returned or approved, a referral made.
/// </summary>
public class FactNoticeTests(NoticeApp app) : NoticeTest(app)
{
    private const string Secret = "the-office-robot-secret";
    private static readonly object IncompleteAccepted = new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } };

    private DateOnly Today => OfficeCalendar.DateOf(App.Clock.GetUtcNow());

    /// <summary>The year just closed on the office clock, which the evaluation and the plan are about.</summary>
    private int ClosedYear => Today.Year - 1;

    private Task<JsonElement> Step(string url, object? body = null) => App.Created(url, body ?? new { }, HttpStatusCode.OK);

    private async Task<List<JsonElement>> Hooks(string path, int count)
    {
        await NoticeApp.Until(async () => { await Task.Yield(); return App.Hooks.To(path).Count >= count; }, $"{count} webhook(s) at {path}");
        await App.Settled();
        var hooks = App.Hooks.To(path);
        Assert.Equal(count, hooks.Count);
        foreach (var hook in hooks)
        {
            var timestamp = hook.Headers["X-Hotline-Timestamp"];
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + ".").Concat(hook.Body).ToArray()));
            Assert.Equal(expected, hook.Headers["X-Hotline-Signature"]);
        }

        return hooks.Select(h => JsonDocument.Parse(h.Body).RootElement.Clone()).ToList();
    }

    [Fact]
    public async Task An_appeal_decided_is_noticed_to_the_unit_with_the_outcome_and_the_contested_deduction()
    {
        var unit = await App.NewUnit(name: "市市场监管局");
        var other = await App.NewUnit(name: "市教育局");
        await App.Subscribe(new { unitId = unit, kinds = new[] { "appealDecided" }, channel = "webhook", url = App.Hooks.Url("appeal"), secret = Secret });
        await App.Subscribe(new { unitId = other, kinds = new[] { "appealDecided" }, channel = "webhook", url = App.Hooks.Url("appeal-other"), secret = Secret });
        var entry = await App.Created("/api/entries", new { clause = "D1", unitId = unit, occurredOn = Today.ToString("yyyy-MM-dd"), points = 7, reason = "拖延不办被投诉" });
        var appeal = await App.Created("/api/appeals", new { entryId = entry.GetProperty("id").GetGuid(), reason = "该件已按时办结，投诉不实" });
        Assert.Empty(App.Hooks.To("appeal"));

        await Step($"/api/appeals/{appeal.GetProperty("id").GetGuid()}/decision", new { outcome = "rejected", reason = "投诉属实，维持扣分" });

        var notice = Assert.Single(await Hooks("appeal", 1));
        Assert.Equal("appealDecided", notice.GetProperty("kind").GetString());
        Assert.Equal(unit, notice.GetProperty("unitId").GetGuid());
        Assert.Equal(entry.GetProperty("id").GetGuid(), notice.GetProperty("entryId").GetGuid());
        Assert.Equal("D1", notice.GetProperty("clause").GetString());
        Assert.Equal(-7m, notice.GetProperty("points").GetDecimal());
        Assert.Contains("申诉不成立", notice.GetProperty("title").GetString());
        Assert.Contains("投诉属实，维持扣分", notice.GetProperty("text").GetString());
        Assert.Empty(App.Hooks.To("appeal-other"));
    }

    [Fact]
    public async Task An_evaluation_returned_is_the_office_s_notice_and_its_approval_reaches_every_unit_subscribed()
    {
        var unit = await App.NewUnit(name: "市卫健委");
        await App.Subscribe(new { kinds = new[] { "evaluationReturned", "evaluationApproved" }, channel = "webhook", url = App.Hooks.Url("office-evaluation"), secret = Secret });
        await App.Subscribe(new { unitId = unit, kinds = new[] { "evaluationReturned", "evaluationApproved" }, channel = "webhook", url = App.Hooks.Url("unit-evaluation"), secret = Secret });

        var id = (await App.Created("/api/evaluations", new { year = ClosedYear })).GetProperty("id").GetGuid();
        await Step($"/api/evaluations/{id}/submit", IncompleteAccepted);
        await Step($"/api/evaluations/{id}/return", new { comments = "请补充对市卫健委的评语" });
        var returned = Assert.Single(await Hooks("office-evaluation", 1));
        Assert.Equal("evaluationReturned", returned.GetProperty("kind").GetString());
        Assert.Equal($"{ClosedYear}年度考评初步意见被领导退回", returned.GetProperty("title").GetString());
        Assert.Contains("请补充对市卫健委的评语", returned.GetProperty("text").GetString());

        await Step($"/api/evaluations/{id}/submit", IncompleteAccepted);
        await Step($"/api/evaluations/{id}/approve", IncompleteAccepted);
        var office = await Hooks("office-evaluation", 2);
        Assert.Equal(["evaluationReturned", "evaluationApproved"], office.Select(n => n.GetProperty("kind").GetString()));
        Assert.Equal($"{ClosedYear}年度考评结果已经领导批准", office[1].GetProperty("title").GetString());
        // A unit hears the approval (public) and not the return (the office's own business).
        var heard = Assert.Single(await Hooks("unit-evaluation", 1));
        Assert.Equal("evaluationApproved", heard.GetProperty("kind").GetString());
        Assert.Equal(office[1].GetProperty("id").GetString(), heard.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_commendation_plan_returned_and_then_approved_is_noticed_once_each()
    {
        var unit = await App.NewUnit(name: "市人社局");
        await App.NewPerson(unit);
        await App.Subscribe(new { kinds = new[] { "planReturned", "planApproved" }, channel = "webhook", url = App.Hooks.Url("plan"), secret = Secret });
        var evaluation = (await App.Created("/api/evaluations", new { year = ClosedYear })).GetProperty("id").GetGuid();
        await Step($"/api/evaluations/{evaluation}/submit", IncompleteAccepted);
        await Step($"/api/evaluations/{evaluation}/approve", IncompleteAccepted);

        var plan = (await App.Created("/api/commendation-plans", new
        {
            year = ClosedYear, scope = "全市市长热线网络成员单位及其工作人员", unitQuota = 1, personQuota = 1,
            opensOn = Today.AddDays(5).ToString("yyyy-MM-dd"), closesOn = Today.AddDays(20).ToString("yyyy-MM-dd"),
        })).GetProperty("id").GetGuid();
        await Step($"/api/commendation-plans/{plan}/submit");
        await Step($"/api/commendation-plans/{plan}/return", new { comments = "名额请再斟酌" });
        await Step($"/api/commendation-plans/{plan}/submit");
        await Step($"/api/commendation-plans/{plan}/approve");

        var notices = await Hooks("plan", 2);
        Assert.Equal(["planReturned", "planApproved"], notices.Select(n => n.GetProperty("kind").GetString()));
        Assert.Equal($"{ClosedYear}年度表彰方案被领导退回", notices[0].GetProperty("title").GetString());
        Assert.Contains("名额请再斟酌", notices[0].GetProperty("text").GetString());
        Assert.Equal($"{ClosedYear}年度表彰方案已经领导批准", notices[1].GetProperty("title").GetString());
        Assert.Equal(2, notices.Select(n => n.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_referral_made_is_noticed_to_the_unit_referred_and_no_other()
    {
        var referred = await App.NewUnit(name: "市应急局");
        var clean = await App.NewUnit(name: "市统计局");
        foreach (var unit in new[] { referred, clean })
            await App.Subscribe(new { unitId = unit, kinds = new[] { "referralMade" }, channel = "webhook", url = App.Hooks.Url($"referral-{unit:N}"), secret = Secret });
        await App.Subscribe(new { unitId = referred, kinds = new[] { "referralMade" }, channel = "inbox" });
        await Deduct(referred, $"{ClosedYear}-12-03");
        var evaluation = (await App.Created("/api/evaluations", new { year = ClosedYear })).GetProperty("id").GetGuid();
        await Step($"/api/evaluations/{evaluation}/submit", IncompleteAccepted);
        await Step($"/api/evaluations/{evaluation}/approve", IncompleteAccepted);

        var round = await App.Created("/api/referrals", new { year = ClosedYear });
        var referral = Assert.Single(round.GetProperty("referrals").EnumerateArray());

        var notice = Assert.Single(await Hooks($"referral-{referred:N}", 1));
        Assert.Equal("referralMade", notice.GetProperty("kind").GetString());
        Assert.Equal(referred, notice.GetProperty("unitId").GetGuid());
        Assert.Equal("市应急局：已移送市监察机关问责", notice.GetProperty("title").GetString());
        Assert.Empty(App.Hooks.To($"referral-{clean:N}"));
        var inbox = Assert.Single((await App.Ok($"/api/notices?unitId={referred}")).EnumerateArray());
        Assert.Equal(notice.GetProperty("id").GetString(), inbox.GetProperty("id").GetString());
        Assert.NotEqual(Guid.Empty, referral.GetProperty("id").GetGuid());
    }
}
