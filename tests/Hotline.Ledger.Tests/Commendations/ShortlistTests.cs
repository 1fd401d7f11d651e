using System.Net;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Commendations;

/// <summary>S3 and S4: the office's shortlist within the quotas and the rulebook's eligibility, a leader's approval, the commendations.</summary>
public class ShortlistTests(CommendationApp app) : CommendationTest(app)
{
    /// <summary>Two excellent units, each with an excellent individual; a plan with one place of each kind; both units applied.</summary>
    private async Task<(Guid Plan, Guid A, Guid B, Guid PersonA, Guid PersonB)> TwoExcellentApplicants(int unitQuota = 1, int personQuota = 1)
    {
        var a = await App.NewUnit("A1", "甲局");
        var b = await App.NewUnit("B1", "乙局");
        var personA = await App.NewPerson(a, name: "甲");
        var personB = await App.NewPerson(b, name: "乙");
        foreach (var (unit, person) in new[] { (a, personA), (b, personB) })
        {
            await MarkUnit(unit);
            await MarkPerson(person);
            await Praise(unit, person);
        }

        await ApproveYear();
        var plan = await ApprovedPlan(unitQuota, personQuota);
        Clocked.Today("2021-01-12");
        Assert.Equal(HttpStatusCode.Created, (await Apply(plan, a, true, personA)).Status);
        Assert.Equal(HttpStatusCode.Created, (await Apply(plan, b, true, personB)).Status);
        return (plan, a, b, personA, personB);
    }

    private Task<Reply> Shortlist(Guid plan, Guid[] units, Guid[] people) =>
        App.Post($"/api/commendation-plans/{plan}/shortlist", new
        {
            units = units.Select(u => new { unitId = u, reason = "综合排名靠前" }).ToArray(),
            people = people.Select(p => new { personId = p, reason = "事迹突出" }).ToArray(),
        });

    [Fact]
    public async Task The_shortlist_is_drawn_up_only_after_the_window_and_goes_to_a_leader_in_order()
    {
        var (plan, a, _, personA, _) = await TwoExcellentApplicants();
        var route = $"/api/commendation-plans/{plan}";

        var open = await Refused(() => Shortlist(plan, [a], [personA]), HttpStatusCode.Conflict);
        Assert.Contains("the window must close first", Detail(open));
        Assert.Contains("the office must draw it up", Detail(await Refused(() => App.Post($"{route}/shortlist/submit", new { }), HttpStatusCode.Conflict)));
        var early = await Refused(() => App.Post("/api/commendations", new { planId = plan, documentNumber = "信政办〔2021〕1号", awardedOn = "2021-01-12" }), HttpStatusCode.Conflict);
        Assert.Contains("There is no shortlist yet", Detail(early));

        Clocked.Today("2021-01-21");
        await Step($"{route}/shortlist", new { units = new[] { new { unitId = a } } });
        Assert.Contains("submit it first", Detail(await Refused(() => App.Post($"{route}/shortlist/approve", new { }), HttpStatusCode.Conflict)));
        var redrawn = await Step($"{route}/shortlist", new { units = new[] { new { unitId = a, reason = "排名第一" } }, people = new[] { new { personId = personA, reason = (string?)null } } });
        Assert.Equal(1, redrawn.GetProperty("shortlist").GetProperty("people").GetArrayLength());
        Assert.Equal("applications are closed.", Detail(await Refused(() => Apply(plan, a, true), HttpStatusCode.Conflict)).Split("; ")[1]);

        await Step($"{route}/shortlist/submit");
        Assert.Contains("a leader must return it first", Detail(await Refused(() => Shortlist(plan, [a], []), HttpStatusCode.Conflict)));
        var notYet = await Refused(() => App.Post("/api/commendations", new { planId = plan, documentNumber = "信政办〔2021〕1号", awardedOn = "2021-01-21" }), HttpStatusCode.Conflict);
        Assert.Contains("a leader must approve it first", Detail(notYet));

        await Step($"{route}/shortlist/return", new { comments = "请补充个人事迹" });
        Assert.Contains("submit it again first", Detail(await Refused(() => App.Post($"{route}/shortlist/approve", new { }), HttpStatusCode.Conflict)));
        await Step($"{route}/shortlist/submit");
        await Step($"{route}/shortlist/approve");
        Assert.Contains("it is final", Detail(await Refused(() => Shortlist(plan, [a], []), HttpStatusCode.Conflict)));

        await Refused(() => App.Post("/api/commendations", new { planId = plan, documentNumber = "信政办〔2021〕1号", awardedOn = "2021-01-22" }), HttpStatusCode.BadRequest, "awardedOn");
        await Refused(() => App.Post("/api/commendations", new { planId = plan, documentNumber = "信政办〔2021〕1号", awardedOn = "2021-01-20" }), HttpStatusCode.BadRequest, "awardedOn");
        await Refused(() => App.Post("/api/commendations", new { planId = Guid.NewGuid(), documentNumber = "信政办〔2021〕1号", awardedOn = "2021-01-21" }), HttpStatusCode.BadRequest, "planId");
        var issued = await App.Created("/api/commendations", new { planId = plan, documentNumber = "信政办〔2021〕1号", awardedOn = "2021-01-21" });
        Assert.Equal(2, issued.GetProperty("commendations").GetArrayLength());

        var twice = await Refused(() => App.Post("/api/commendations", new { planId = plan, documentNumber = "信政办〔2021〕2号", awardedOn = "2021-01-21" }), HttpStatusCode.Conflict);
        Assert.Contains("信政办〔2021〕1号", Detail(twice));
        Assert.Equal(2, (await App.Ok("/api/commendations?year=2020")).GetArrayLength());
    }

    [Fact]
    public async Task A_shortlist_over_the_quota_is_refused()
    {
        var (plan, a, b, personA, personB) = await TwoExcellentApplicants();
        Clocked.Today("2021-01-21");

        var units = await Refused(() => Shortlist(plan, [a, b], [personA]), HttpStatusCode.Conflict, "units");
        Assert.Contains("1 place(s) for advanced units; the shortlist names 2", Detail(units));
        var people = await Refused(() => Shortlist(plan, [a], [personA, personB]), HttpStatusCode.Conflict, "people");
        Assert.Contains("1 place(s) for advanced individuals", Detail(people));
        Assert.Equal(HttpStatusCode.OK, (await Shortlist(plan, [b], [personA])).Status);
    }

    [Fact]
    public async Task Only_candidates_are_shortlisted()
    {
        var (plan, a, _, personA, _) = await TwoExcellentApplicants(unitQuota: 2, personQuota: 2);
        var stranger = await App.NewUnit();
        Clocked.Today("2021-01-21");

        await Refused(() => Shortlist(plan, [a, stranger], []), HttpStatusCode.BadRequest, "units[1].unitId");
        await Refused(() => Shortlist(plan, [], [personA, Guid.NewGuid()]), HttpStatusCode.BadRequest, "people[1].personId");
        await Refused(() => Shortlist(plan, [a, a], []), HttpStatusCode.BadRequest, "units");
        await Refused(() => Shortlist(plan, [], []), HttpStatusCode.BadRequest, "units");
    }

    [Fact]
    public async Task Units_and_individuals_the_rulebook_bars_are_refused_with_the_reason()
    {
        var falseReport = await App.NewUnit("FR", "虚报局");
        var good = await App.NewUnit("GD", "良好局");
        var complained = await App.NewPerson(falseReport, name: "被投诉");
        await MarkUnit(falseReport);
        await MarkUnit(good);
        await MarkPerson(complained);
        // 70 + 35 of praise − 10 for the false report − 5 for the complaint = 90: excellent, but barred by D3.2.
        await Praise(falseReport, complained);
        foreach (var clause in new[] { "B3", "B2.3" })
            await App.Created("/api/entries", new { clause, unitId = falseReport, personId = complained, occurredOn = "2020-10-01", reason = "表扬" });
        foreach (var clause in new[] { "B2.1", "B2.1" })
            await App.Created("/api/entries", new { clause, unitId = falseReport, occurredOn = "2020-10-02", reason = "电话表扬" });
        var falseEntry = await Deduct(falseReport, "D3.2");
        // 70 + 15 = 85: 良好, short of 优秀.
        foreach (var clause in new[] { "B2.3", "B2.3", "B2.3" })
            await App.Created("/api/entries", new { clause, unitId = good, occurredOn = "2020-10-01", reason = "表扬" });
        // The individual: 60 marked + 5 for I7 (one complaint) + 31 − 5 = 91, excellent, but the complaint (D1) bars them.
        await Deduct(falseReport, "D1", 5, complained);
        await ApproveYear();
        var plan = await ApprovedPlan(unitQuota: 2, personQuota: 1);
        Clocked.Today("2021-01-12");
        await Apply(plan, falseReport, true, complained);
        await Apply(plan, good, true);
        Clocked.Today("2021-01-21");

        var barred = await Refused(() => Shortlist(plan, [falseReport], []), HttpStatusCode.Conflict, "units[0].unitId");
        Assert.Equal("Not eligible", barred.Json.GetProperty("title").GetString());
        Assert.Contains("虚报局 — D3.2 incurred in 2020 (1 time(s): entries", Detail(barred));
        // Judged on the approved result: a rescission learned since does not clear the unit.
        await Step($"/api/entries/{Id(falseEntry)}/rescind", new { reason = "复核撤销" });
        await Refused(() => Shortlist(plan, [falseReport], []), HttpStatusCode.Conflict, "units[0].unitId");
        var grade = await Refused(() => Shortlist(plan, [good], []), HttpStatusCode.Conflict, "units[0].unitId");
        Assert.Contains("total 85 is below the minimum 90, grade 良好 does not reach 优秀", Detail(grade));
        var person = await Refused(() => Shortlist(plan, [], [complained]), HttpStatusCode.Conflict, "people[0].personId");
        Assert.Contains("被投诉 — D1 incurred in 2020", Detail(person));

        var candidates = await App.Ok($"/api/commendation-plans/{plan}/candidates");
        Assert.All(candidates.GetProperty("units").EnumerateArray().Concat(candidates.GetProperty("people").EnumerateArray()),
            c => Assert.False(c.GetProperty("eligible").GetBoolean()));
    }
}
