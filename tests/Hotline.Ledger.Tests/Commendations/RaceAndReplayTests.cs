using System.Net;
using Hotline.Ledger.Accountability;
using Hotline.Ledger.Commendations.Applications;
using Hotline.Ledger.Commendations.Awards;
using Hotline.Ledger.Commendations.Plans;
using JasperFx.Events.Daemon;
using Marten;

namespace Hotline.Ledger.Tests.Commendations;

/// <summary>Racing requests settle on one outcome; the read models come back the same from the events alone.</summary>
public class RaceAndReplayTests(CommendationApp app) : CommendationTest(app)
{
    /// <summary>An excellent unit with an excellent individual, a second unit with a false report, and a plan whose shortlist is approved.</summary>
    private async Task<(Guid Plan, Guid Unit, Guid Person)> ApprovedShortlist()
    {
        var unit = await App.NewUnit("A1", "甲局");
        var person = await App.NewPerson(unit, name: "甲");
        await MarkUnit(unit);
        await MarkPerson(person);
        await Praise(unit, person);
        await Deduct(await App.NewUnit("F1", "虚报局"), "D3.2");
        await ApproveYear();
        var plan = await ApprovedPlan();
        Clocked.Today("2021-01-12");
        await Apply(plan, unit, true, person);
        Clocked.Today("2021-01-21");
        await Step($"/api/commendation-plans/{plan}/shortlist", new { units = new[] { new { unitId = unit } }, people = new[] { new { personId = person } } });
        await Step($"/api/commendation-plans/{plan}/shortlist/submit");
        await Step($"/api/commendation-plans/{plan}/shortlist/approve");
        return (plan, unit, person);
    }

    [Fact]
    public async Task Racing_issues_of_the_same_commendations_record_them_once()
    {
        var (plan, _, _) = await ApprovedShortlist();

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            App.Post("/api/commendations", new { planId = plan, documentNumber = $"信政办〔2021〕{i}号", awardedOn = "2021-01-21" })));
        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        Assert.Equal(2, (await App.Ok($"/api/commendations?planId={plan}")).GetArrayLength());
        Assert.Single((await App.Ok($"/api/commendation-plans/{plan}")).GetProperty("steps").EnumerateArray(), s => s.GetProperty("step").GetString() == "commended");
    }

    [Fact]
    public async Task Racing_referral_rounds_make_one()
    {
        await ApprovedShortlist();

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => App.Post("/api/referrals", new { year = 2020 })));
        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        Assert.Single((await App.Ok("/api/referrals?year=2020")).EnumerateArray());
    }

    [Fact]
    public async Task A_leaders_approval_racing_a_return_settles_on_one()
    {
        var unit = await App.NewUnit();
        await App.NewPerson(unit);
        await ApproveYear();
        var plan = Id((await PostPlan()).Json);
        await Step($"/api/commendation-plans/{plan}/submit");

        var replies = await Task.WhenAll(
            App.Post($"/api/commendation-plans/{plan}/approve", new { }),
            App.Post($"/api/commendation-plans/{plan}/return", new { comments = "再议" }));
        Assert.Single(replies, r => r.Status == HttpStatusCode.OK);
        Assert.Single(replies, r => r.Status == HttpStatusCode.Conflict);
        var steps = (await App.Ok($"/api/commendation-plans/{plan}")).GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()).ToList();
        Assert.Equal(3, steps.Count);
    }

    [Fact]
    public async Task The_plan_applications_commendations_and_referrals_rebuild_from_the_events_alone()
    {
        var (plan, unit, person) = await ApprovedShortlist();
        await App.Created("/api/commendations", new { planId = plan, documentNumber = "信政办〔2021〕12号", awardedOn = "2021-01-21" });
        var referral = (await App.Created("/api/referrals", new { year = 2020 })).GetProperty("referrals")[0];

        string[] probes =
        [
            $"/api/commendation-plans/{plan}", $"/api/commendation-plans/{plan}/applications", $"/api/commendation-plans/{plan}/candidates",
            "/api/commendations?year=2020", $"/api/commendations?personId={person}", "/api/referrals?year=2020", $"/api/referrals/{Id(referral)}",
        ];
        var before = new List<string>();
        foreach (var probe in probes) before.Add((await App.Get(probe)).Text);

        await using (var session = App.Store.LightweightSession())
        {
            session.DeleteWhere<CommendationPlan>(_ => true);
            session.DeleteWhere<Application>(_ => true);
            session.DeleteWhere<Commendation>(_ => true);
            session.DeleteWhere<Referral>(_ => true);
            session.DeleteWhere<ReferralRound>(_ => true);
            await session.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.NotFound, (await App.Get(probes[0])).Status);

        using var daemon = await App.Store.BuildProjectionDaemonAsync();
        foreach (var view in new[] { typeof(CommendationPlan), typeof(Application), typeof(Commendation), typeof(Referral), typeof(ReferralRound) })
            await daemon.RebuildProjectionAsync(view.Name, TimeSpan.FromMinutes(1), CancellationToken.None);

        for (var i = 0; i < probes.Length; i++) Assert.Equal(before[i], (await App.Get(probes[i])).Text);
        Assert.Equal(unit, Id((await App.Ok($"/api/commendations?planId={plan}"))[0], "unitId"));
    }
}
