using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Hotline.Ledger.Tests.Commendations;

/// <summary>
/// A year from the monthly self-checks to the commendations and the referrals, through the office's
/// spot checks, an appeal, the approved year-end result, the plan, the applications and the review.
/// </summary>
public class YearWalkTests(CommendationApp app) : CommendationTest(app)
{
    [Fact]
    public async Task A_year_walks_from_self_checks_to_commendations_and_referrals()
    {
        // The city: three units and their staff.
        var good = await App.NewUnit("ZJ", "市住建局");
        var falseReport = await App.NewUnit("JT", "市交通局");
        var late = await App.NewUnit("CG", "市城管局");
        var li = await App.NewPerson(good, name: "李明");
        var wang = await App.NewPerson(good, name: "王芳");
        var zhao = await App.NewPerson(late, name: "赵强");

        // M1: a monthly self-check (late: the month's was due on 5 July) and the self-assessment beside the office's figures.
        var check = await App.Created($"/api/units/{good}/self-checks", new { month = "2020-06", items = new[] { new { clause = "U1.1", points = 10, note = "领导多次批示" } } });
        Assert.Equal("late", check.GetProperty("status").GetString());

        // The year's work: full marks, praise, and the deductions that will matter.
        foreach (var unit in new[] { good, falseReport, late }) await MarkUnit(unit);
        foreach (var person in new[] { li, wang, zhao }) await MarkPerson(person);
        await Praise(good, li);
        await Praise(falseReport);
        await App.Created("/api/entries", new { clause = "B3", unitId = falseReport, occurredOn = "2020-10-01", reason = "选派人员跟班学习" });
        await App.Created("/api/entries", new { clause = "B2.3", unitId = falseReport, occurredOn = "2020-10-02", reason = "新闻媒体表扬" });
        await App.Created("/api/entries", new { clause = "B2.3", unitId = good, personId = wang, occurredOn = "2020-10-03", reason = "热线办表扬" });
        var falseEntry = await Deduct(falseReport, "D3.2", occurredOn: "2020-06-10", caseNumber: "XY-2020-0610");
        var d1a = await Deduct(late, "D1", 10, occurredOn: "2020-05-06", caseNumber: "XY-2020-0506");
        var d1b = await Deduct(late, "D1", 10, occurredOn: "2020-08-07", caseNumber: "XY-2020-0807");
        var d2 = await Deduct(late, "D2", 5, zhao, "2020-11-11", "XY-2020-1111",
            [new { title = "市委督查通报", reference = "https://docs.example/dc-2020-31.pdf", sha256 = new string('a', 64) }]);

        // M1: the office's spot check found the false report.
        var spot = await App.Created("/api/spot-checks", new { unitId = falseReport, checkedOn = "2020-06-10", scope = "抽查6月办结件20件", findings = "1件虚报办结", entryIds = new[] { Id(falseEntry) } });

        // An appeal against a deduction, rejected: it stays on record for the inspector.
        var appeal = await App.Created("/api/appeals", new { entryId = Id(d1b), reason = "已及时办理" });
        await Step($"/api/appeals/{Id(appeal)}/decision", new { outcome = "rejected", reason = "群众投诉属实" });

        // M3: the approved year-end result.
        var evaluationId = await ApproveYear();
        var evaluation = await App.Ok($"/api/evaluations/{evaluationId}");
        Assert.Equal([("ZJ", 95m, "优秀"), ("JT", 91m, "优秀"), ("CG", 45m, "不合格")],
            evaluation.GetProperty("units").EnumerateArray()
                .Select(u => (u.GetProperty("code").GetString(), u.GetProperty("total").GetDecimal(), u.GetProperty("grade").GetString()))
                .OrderBy(u => u.Item1 == "ZJ" ? 0 : u.Item1 == "JT" ? 1 : 2));

        // S1: the plan, approved by a leader.
        var plan = await App.Created("/api/commendation-plans", new
        {
            year = 2020, scope = "全市市长热线网络成员单位及其工作人员", unitQuota = 1, personQuota = 1, opensOn = "2021-01-11", closesOn = "2021-01-20",
        });
        var planId = Id(plan);
        Assert.Equal(("draft", 2, "2020-12-31"), (plan.GetProperty("status").GetString(), plan.GetProperty("nominationsPerUnit").GetInt32(), plan.GetProperty("staffOn").GetString()));
        Assert.Equal(evaluationId, Id(plan, "evaluationId"));
        Assert.Equal(evaluation.GetProperty("sha256").GetString(), plan.GetProperty("evaluationSha256").GetString());
        Assert.Equal(["D2", "D3.2"], plan.GetProperty("eligibility").GetProperty("units").GetProperty("barredBy").EnumerateArray().Select(c => c.GetString()));
        await Step($"/api/commendation-plans/{planId}/submit");
        await Step($"/api/commendation-plans/{planId}/approve");

        // S2: applications inside the window.
        Clock.Advance(TimeSpan.FromDays(2));
        var application = await App.Created($"/api/commendation-plans/{planId}/applications", new
        {
            unitId = good, selfEvaluation = "全年办结率98%，群众满意度92%", seeksUnitCommendation = true,
            evidence = new[] { new { title = "年度工作总结", reference = "oa://zj/2020/summary", sha256 = (string?)null } },
            nominations = new object[]
            {
                new { personId = li, deeds = "牵头办理老旧小区改造诉求120件", evidence = new[] { new { title = "群众感谢信", reference = "oa://zj/2020/thanks-17" } } },
                new { personId = wang, deeds = "夜间值守热线" },
            },
        });
        Assert.Equal(2, application.GetProperty("nominations").GetArrayLength());
        Assert.Equal("office", application.GetProperty("submittedBy").GetString());
        Assert.Equal(HttpStatusCode.Created, (await Apply(planId, falseReport, true)).Status);
        Assert.Equal(HttpStatusCode.Created, (await Apply(planId, late, false, zhao)).Status);

        // S3: after the window, the office reviews: who is eligible, and why not.
        Clock.Advance(TimeSpan.FromDays(10));
        var candidates = await App.Ok($"/api/commendation-plans/{planId}/candidates");
        var units = candidates.GetProperty("units").EnumerateArray().ToDictionary(c => Id(c, "subjectId"));
        var people = candidates.GetProperty("people").EnumerateArray().ToDictionary(c => Id(c, "subjectId"));
        Assert.True(units[good].GetProperty("eligible").GetBoolean());
        Assert.False(units[falseReport].GetProperty("eligible").GetBoolean());
        Assert.Contains("D3.2", units[falseReport].GetProperty("reasons")[0].GetString());
        Assert.True(people[li].GetProperty("eligible").GetBoolean());
        Assert.Contains("grade 合格 does not reach 优秀", people[wang].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(people[zhao].GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("D2 incurred in 2020"));

        await Step($"/api/commendation-plans/{planId}/shortlist", new { units = new[] { new { unitId = good, reason = "排名第一" } }, people = new[] { new { personId = li, reason = "事迹突出" } } });
        await Step($"/api/commendation-plans/{planId}/shortlist/submit");
        var approved = await Step($"/api/commendation-plans/{planId}/shortlist/approve");
        Assert.Equal("approved", approved.GetProperty("shortlist").GetProperty("status").GetString());

        // S4: the commendations, recorded for the approved unit and individual.
        Clock.Advance(TimeSpan.FromDays(3));
        var issued = await App.Created("/api/commendations", new { planId, documentNumber = "信政办〔2021〕12号", awardedOn = "2021-01-23" });
        Assert.Equal([("unit", good, "2020年度市长热线工作先进单位"), ("person", li, "2020年度市长热线工作先进个人")],
            issued.GetProperty("commendations").EnumerateArray().Select(c => (c.GetProperty("kind").GetString(), Id(c, c.GetProperty("kind").GetString() == "unit" ? "unitId" : "personId"), c.GetProperty("title").GetString())));
        Assert.Equal(1, (await App.Ok($"/api/commendations?personId={li}")).GetArrayLength());

        var done = await App.Ok($"/api/commendation-plans/{planId}");
        Assert.Equal("commended", done.GetProperty("status").GetString());
        Assert.Equal(["drafted", "submitted", "approved", "shortlistDrafted", "shortlistSubmitted", "shortlistApproved", "commended"],
            done.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        Assert.All(done.GetProperty("steps").EnumerateArray(), s => Assert.Equal("office", s.GetProperty("by").GetString()));
        var at = done.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(at.Order(), at);

        // S4: the referrals — the false report, the dereliction (unit and individual), the threshold.
        var round = await App.Created("/api/referrals", new { year = 2020, note = "请依规依纪处理" });
        var referrals = round.GetProperty("referrals").EnumerateArray().ToList();
        Assert.Equal([("unit", falseReport), ("unit", late), ("person", zhao)],
            referrals.Select(r => (r.GetProperty("kind").GetString(), Id(r, r.GetProperty("kind").GetString() == "unit" ? "unitId" : "personId"))));
        var lateReferral = referrals[1];
        Assert.Equal(["clause:D2", "threshold:"], lateReferral.GetProperty("grounds").EnumerateArray().Select(g => $"{g.GetProperty("kind").GetString()}:{g.GetProperty("clause").GetString()}"));
        Assert.Equal(-25m, lateReferral.GetProperty("deductionTotal").GetDecimal());

        // The inspector's bundle: one ZIP holding the entries, their evidence, the cases, the appeal and the spot check.
        var zip = await Download($"/api/referrals/{Id(lateReferral)}/bundle");
        using var archive = new ZipArchive(new MemoryStream(zip));
        Assert.Equal(["referral.json", "referral.html", "entries.csv", "evidence.csv", "SHA256SUMS"], archive.Entries.Select(e => e.FullName));
        var bundle = JsonDocument.Parse(Read(archive, "referral.json")).RootElement;
        Assert.Equal([Id(d1a), Id(d1b), Id(d2)], bundle.GetProperty("entries").EnumerateArray().Select(e => Id(e.GetProperty("entry"))));
        Assert.Equal(["XY-2020-0506", "XY-2020-0807", "XY-2020-1111"], bundle.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseNumber").GetString()));
        Assert.Equal(Id(appeal), Id(bundle.GetProperty("appeals")[0]));
        Assert.Equal("市委督查通报", bundle.GetProperty("entries")[2].GetProperty("entry").GetProperty("evidence")[0].GetProperty("title").GetString());
        Assert.Contains("XY-2020-1111", Read(archive, "referral.html"));
        Assert.Contains("https://docs.example/dc-2020-31.pdf", Read(archive, "evidence.csv"));

        var falseBundle = JsonDocument.Parse(Read(new ZipArchive(new MemoryStream(await Download($"/api/referrals/{Id(referrals[0])}/bundle"))), "referral.json")).RootElement;
        Assert.Equal(Id(spot), Id(falseBundle.GetProperty("spotChecks")[0]));
    }

    private async Task<byte[]> Download(string url)
    {
        using var response = await App.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string Read(ZipArchive archive, string name)
    {
        using var reader = new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
