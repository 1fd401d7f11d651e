using System.Net;

namespace Hotline.Ledger.Tests.Commendations;

/// <summary>S2: units apply inside the window; a nominee is on the unit's staff, and no unit nominates beyond its share.</summary>
public class ApplicationTests(CommendationApp app) : CommendationTest(app)
{
    [Fact]
    public async Task Applications_are_taken_only_inside_the_window_of_an_approved_plan_and_the_latest_stands()
    {
        var unit = await App.NewUnit();
        var person = await App.NewPerson(unit);
        await ApproveYear();
        var id = Id((await PostPlan()).Json);

        var draft = await Refused(() => Apply(id, unit, true), HttpStatusCode.Conflict);
        Assert.Contains("a leader approve it first", Detail(draft));
        await Step($"/api/commendation-plans/{id}/submit");
        Assert.Contains("a leader must approve it first", Detail(await Refused(() => Apply(id, unit, true), HttpStatusCode.Conflict)));
        await Step($"/api/commendation-plans/{id}/approve");

        var early = await Refused(() => Apply(id, unit, true), HttpStatusCode.Conflict);
        Assert.Contains("Applications open on 2021-01-11", Detail(early));

        Clocked.Today("2021-01-11");
        var first = await App.Created($"/api/commendation-plans/{id}/applications", new { unitId = unit, selfEvaluation = "初稿", seeksUnitCommendation = true });
        Clocked.Today("2021-01-20");
        var second = await Apply(id, unit, true, person);
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.Equal(Id(first), Id(second.Json));
        Assert.Equal(2, second.Json.GetProperty("submissions").GetArrayLength());
        Assert.Equal(person, Id(second.Json.GetProperty("nominations")[0], "personId"));

        Clock.Advance(TimeSpan.FromHours(14)); // 00:00 on 21 January in Shanghai: the window has closed
        var closed = await Refused(() => Apply(id, unit, true), HttpStatusCode.Conflict);
        Assert.Contains("closed at the end of 2021-01-20", Detail(closed));

        var listed = await App.Ok($"/api/commendation-plans/{id}/applications?unitId={unit}");
        Assert.Equal("本单位全年认真落实热线工作", listed.EnumerateArray().Single().GetProperty("selfEvaluation").GetString());
    }

    [Fact]
    public async Task A_nomination_of_someone_not_on_the_units_staff_on_31_December_is_refused_with_the_reason()
    {
        var unit = await App.NewUnit("ZJ", "市住建局");
        var other = await App.NewUnit("JT", "市交通局");
        var elsewhere = await App.NewPerson(other, name: "外单位");
        var joinedLater = await App.NewPerson(other, name: "新调入");
        var leftLater = await App.NewPerson(unit, name: "已调出");
        await App.Created($"/api/people/{joinedLater}/transfers", new { toUnitId = unit, effectiveOn = "2021-01-05" }, HttpStatusCode.OK);
        await App.Created($"/api/people/{leftLater}/transfers", new { toUnitId = other, effectiveOn = "2021-01-02" }, HttpStatusCode.OK);
        await ApproveYear();
        var id = await ApprovedPlan(personQuota: 2);
        Clocked.Today("2021-01-12");

        var foreign = await Refused(() => Apply(id, unit, false, elsewhere), HttpStatusCode.BadRequest, "nominations[0].personId");
        Assert.Contains("外单位 is not on the staff of ZJ: on 2020-12-31, the plan's staff date, they belonged to another unit (JT)", foreign.ErrorsFor("nominations[0].personId")[0]);
        await Refused(() => Apply(id, unit, false, joinedLater), HttpStatusCode.BadRequest, "nominations[0].personId");
        await Refused(() => Apply(id, unit, false, Guid.NewGuid()), HttpStatusCode.BadRequest, "nominations[0].personId");
        await Refused(() => Apply(id, unit, false), HttpStatusCode.BadRequest, "nominations");
        await Refused(() => Apply(id, Guid.NewGuid(), true), HttpStatusCode.BadRequest, "unitId");
        await Refused(() => Apply(id, unit, false, leftLater, leftLater), HttpStatusCode.BadRequest, "nominations");

        // On the staff on 31 December, though transferred since: the unit that had them nominates them.
        Assert.Equal(HttpStatusCode.Created, (await Apply(id, unit, false, leftLater)).Status);
    }

    [Fact]
    public async Task A_unit_registered_after_the_result_cannot_apply()
    {
        await App.NewPerson(await App.NewUnit());
        await ApproveYear();
        var id = await ApprovedPlan();
        var newcomer = await App.NewUnit("NEW");
        Clocked.Today("2021-01-12");

        var refused = await Refused(() => Apply(id, newcomer, true), HttpStatusCode.BadRequest, "unitId");
        Assert.Contains("not in the approved 2020 result", refused.ErrorsFor("unitId")[0]);
    }

    [Fact]
    public async Task Nominations_over_the_units_share_are_refused()
    {
        var unit = await App.NewUnit();
        var people = new List<Guid>();
        for (var i = 0; i < 3; i++) people.Add(await App.NewPerson(unit, name: $"人员{i}"));
        await ApproveYear();
        var id = await ApprovedPlan(personQuota: 3);
        Clocked.Today("2021-01-12");

        var over = await Refused(() => Apply(id, unit, true, [.. people]), HttpStatusCode.Conflict, "nominations");
        Assert.Equal("Over the unit's share", over.Json.GetProperty("title").GetString());
        Assert.Contains("gives each unit 2 nomination(s); this application names 3", Detail(over));
        Assert.Equal(HttpStatusCode.Created, (await Apply(id, unit, true, people[0], people[1])).Status);
    }

    [Fact]
    public async Task The_plan_sets_its_own_share_and_a_plan_without_places_for_a_kind_takes_no_candidates_of_it()
    {
        var unit = await App.NewUnit();
        var a = await App.NewPerson(unit, name: "甲");
        var b = await App.NewPerson(unit, name: "乙");
        await ApproveYear();
        var id = await ApprovedPlan(unitQuota: 0, personQuota: 1, nominationsPerUnit: 1);
        Clocked.Today("2021-01-12");

        await Refused(() => Apply(id, unit, false, a, b), HttpStatusCode.Conflict, "nominations");
        await Refused(() => Apply(id, unit, true, a), HttpStatusCode.Conflict, "seeksUnitCommendation");
        var taken = await Apply(id, unit, null, a);
        Assert.False(taken.Json.GetProperty("seeksUnitCommendation").GetBoolean());
    }
}
