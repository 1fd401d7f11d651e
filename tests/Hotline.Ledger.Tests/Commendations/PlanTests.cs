using System.Net;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Commendations;

/// <summary>S1: the plan rests on an approved year-end result, and goes to a leader for approval.</summary>
public class PlanTests(CommendationApp app) : CommendationTest(app)
{
    [Fact]
    public async Task A_plan_waits_for_the_approved_year_end_result_and_says_what_must_happen_first()
    {
        await App.NewUnit();
        await App.NewPerson(await App.NewUnit());

        var none = await Refused(() => PostPlan(), HttpStatusCode.Conflict, "year");
        Assert.Contains("the office must draft it (POST /api/evaluations) and a leader approve it first", Detail(none));

        var evaluation = Id(await App.Created("/api/evaluations", new { year = 2020 }));
        var draft = await Refused(() => PostPlan(), HttpStatusCode.Conflict, "year");
        Assert.Contains($"POST /api/evaluations/{evaluation}/submit", Detail(draft));

        await Step($"/api/evaluations/{evaluation}/submit", IncompleteAccepted);
        var submitted = await Refused(() => PostPlan(), HttpStatusCode.Conflict, "year");
        Assert.Contains($"a leader must approve it first (POST /api/evaluations/{evaluation}/approve)", Detail(submitted));

        await Step($"/api/evaluations/{evaluation}/approve", IncompleteAccepted);
        var plan = await PostPlan();
        Assert.Equal(HttpStatusCode.Created, plan.Status);
        Assert.Equal(evaluation, Id(plan.Json, "evaluationId"));

        var twice = await Refused(() => PostPlan(), HttpStatusCode.Conflict, "year");
        Assert.Contains(Id(plan.Json).ToString(), Detail(twice));
    }

    [Fact]
    public async Task The_terms_are_checked_against_the_result_and_the_calendar()
    {
        await App.NewPerson(await App.NewUnit());
        await App.NewUnit();
        await ApproveYear();

        var tooMany = await Refused(() => PostPlan(unitQuota: 3), HttpStatusCode.BadRequest, "unitQuota");
        Assert.Contains("ranks 2 unit(s)", tooMany.ErrorsFor("unitQuota")[0]);
        await Refused(() => PostPlan(personQuota: 2), HttpStatusCode.BadRequest, "personQuota");
        await Refused(() => PostPlan(unitQuota: 0, personQuota: 0), HttpStatusCode.BadRequest, "unitQuota");
        await Refused(() => PostPlan(opensOn: "2020-12-31"), HttpStatusCode.BadRequest, "opensOn");
        await Refused(() => PostPlan(opensOn: "2021-01-05", closesOn: "2021-01-09"), HttpStatusCode.BadRequest, "closesOn");
        await Refused(() => PostPlan(opensOn: "2021-01-20", closesOn: "2021-01-19"), HttpStatusCode.BadRequest, "closesOn");
        await Refused(() => PostPlan(nominationsPerUnit: 0), HttpStatusCode.BadRequest, "nominationsPerUnit");
        await Refused(() => App.Post("/api/commendation-plans", new { year = 2020, scope = "", unitQuota = 1, personQuota = 0, opensOn = "2021-01-11", closesOn = "2021-01-20" }),
            HttpStatusCode.BadRequest, "scope");

        var plan = await PostPlan(unitQuota: 2, personQuota: 0, opensOn: "2021-01-01", nominationsPerUnit: 3);
        Assert.Equal(HttpStatusCode.Created, plan.Status);
        Assert.Equal(3, plan.Json.GetProperty("nominationsPerUnit").GetInt32());
    }

    [Fact]
    public async Task The_plan_goes_draft_submitted_returned_revised_resubmitted_approved_and_each_step_out_of_order_is_refused()
    {
        await App.NewPerson(await App.NewUnit());
        await App.NewPerson(await App.NewUnit());
        await ApproveYear();
        var id = Id((await PostPlan()).Json);
        var route = $"/api/commendation-plans/{id}";

        Assert.Contains("the office must submit it first", Detail(await Refused(() => App.Post($"{route}/approve", new { }), HttpStatusCode.Conflict)));
        await Refused(() => App.Post($"{route}/return", new { comments = "x" }), HttpStatusCode.Conflict);

        await Step($"{route}/submit");
        Assert.Contains("a leader approves it or returns it first", Detail(await Refused(() => App.Post($"{route}/submit", new { }), HttpStatusCode.Conflict)));
        Assert.Contains("a leader must return it first", Detail(await Refused(() => Revise(route, 2), HttpStatusCode.Conflict)));

        await Refused(() => App.Post($"{route}/return", new { comments = "" }), HttpStatusCode.BadRequest, "comments");
        var returned = await Step($"{route}/return", new { comments = "个人名额增加到2名" });
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        Assert.Contains("submit it again first", Detail(await Refused(() => App.Post($"{route}/approve", new { }), HttpStatusCode.Conflict)));

        var revised = await Step($"{route}/revise", RevisePlanBody(2));
        Assert.Equal(2, revised.GetProperty("personQuota").GetInt32());
        await Step($"{route}/submit");
        var approved = await Step($"{route}/approve");
        Assert.Equal(("approved", "office"), (approved.GetProperty("status").GetString(), approved.GetProperty("approvedBy").GetString()));
        Assert.Equal(["drafted", "submitted", "returned", "revised", "submitted", "approved"],
            approved.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        Assert.Equal("个人名额增加到2名", approved.GetProperty("steps")[2].GetProperty("comments").GetString());

        foreach (var step in new[] { "submit", "approve" })
            Assert.Contains("terms are final", Detail(await Refused(() => App.Post($"{route}/{step}", new { }), HttpStatusCode.Conflict)));
        await Refused(() => Revise(route, 1), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Post($"/api/commendation-plans/{Guid.NewGuid()}/submit", new { })).Status);
    }

    [Fact]
    public async Task A_leader_cannot_approve_a_plan_whose_window_has_closed()
    {
        await App.NewPerson(await App.NewUnit());
        await ApproveYear();
        var id = Id((await PostPlan()).Json);
        await Step($"/api/commendation-plans/{id}/submit");

        Clocked.Today("2021-01-21");
        var late = await Refused(() => App.Post($"/api/commendation-plans/{id}/approve", new { }), HttpStatusCode.Conflict);
        Assert.Contains("closed at the end of 2021-01-20", Detail(late));
        Assert.Contains("sets a new window first", Detail(late));

        await Step($"/api/commendation-plans/{id}/return", new { comments = "重新确定申报时间" });
        await Refused(() => App.Post($"/api/commendation-plans/{id}/revise", RevisePlanBody(1)), HttpStatusCode.BadRequest, "closesOn");
        await Step($"/api/commendation-plans/{id}/revise", RevisePlanBody(1, "2021-01-22", "2021-01-31"));
        await Step($"/api/commendation-plans/{id}/submit");
        await Step($"/api/commendation-plans/{id}/approve");
    }

    private static object RevisePlanBody(int personQuota, string opensOn = "2021-01-11", string closesOn = "2021-01-20") =>
        new { scope = "全市市长热线网络成员单位及其工作人员", unitQuota = 1, personQuota, opensOn, closesOn };

    private Task<Reply> Revise(string route, int personQuota) => App.Post($"{route}/revise", RevisePlanBody(personQuota));
}
