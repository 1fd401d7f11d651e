using System.Net;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Ledger;

public class MarkTests(LedgerApp app) : LedgerTest(app)
{
    [Fact]
    public async Task An_assessor_marks_a_unit_criterion_and_a_person_criterion()
    {
        var unit = await App.NewUnit();
        var person = await App.NewPerson(unit);
        var unitMark = await App.Created("/api/marks", new { year = 2020, clause = "U1.1", unitId = unit, points = 9.5, reason = "领导多次批示" });
        Assert.Equal(9.5m, unitMark.GetProperty("points").GetDecimal());
        Assert.Equal(unit, unitMark.GetProperty("unitId").GetGuid());
        Assert.Equal("office", unitMark.GetProperty("scorer").GetString());

        var personMark = await App.Created("/api/marks", new { year = 2020, clause = "I8", personId = person, points = 10, reason = "配合紧密" });
        Assert.Equal(person, personMark.GetProperty("personId").GetGuid());
    }

    [Theory]
    [InlineData("U1.1", 10.5, "points")]
    [InlineData("U1.1", -1, "points")]
    [InlineData("U1", 10, "clause")]
    [InlineData("B1", 2, "clause")]
    [InlineData("X9", 2, "clause")]
    [InlineData("I3", 5, "unitId")]
    public async Task Unit_marks_outside_the_rules_are_refused(string clause, double points, string field)
    {
        var unit = await App.NewUnit();
        await Refused(() => App.Post("/api/marks", new { year = 2020, clause, unitId = unit, points, reason = "r" }), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_unit_criterion_for_a_person_and_a_mark_with_two_subjects_are_refused()
    {
        var unit = await App.NewUnit();
        var person = await App.NewPerson(unit);
        await Refused(() => App.Post("/api/marks", new { year = 2020, clause = "U2.2", personId = person, points = 3, reason = "r" }), HttpStatusCode.BadRequest, "personId");
        await Refused(() => App.Post("/api/marks", new { year = 2020, clause = "I1", personId = person, unitId = unit, points = 3, reason = "r" }), HttpStatusCode.BadRequest, "personId");
        await Refused(() => App.Post("/api/marks", new { year = 2020, clause = "I1", points = 3, reason = "r" }), HttpStatusCode.BadRequest, "unitId");
        await Refused(() => App.Post("/api/marks", new { year = 2020, clause = "I1", personId = Guid.NewGuid(), points = 3, reason = "r" }), HttpStatusCode.BadRequest, "personId");
        await Refused(() => App.Post("/api/marks", new { year = 2999, clause = "I1", personId = person, points = 3, reason = "r" }), HttpStatusCode.BadRequest, "year");
    }

    [Theory]
    [InlineData("U4.1", "unitId", "case feed")]
    [InlineData("U4.2", "unitId", "case feed")]
    [InlineData("U4.4", "unitId", "case feed")]
    [InlineData("I6", "personId", "case feed")]
    [InlineData("I7", "personId", "ledger's entries")]
    public async Task A_computed_criterion_cannot_be_marked(string clause, string subject, string source)
    {
        var unit = await App.NewUnit();
        var person = await App.NewPerson(unit);
        var body = subject == "unitId"
            ? (object)new { year = 2020, clause, unitId = unit, points = 3, reason = "r" }
            : new { year = 2020, clause, personId = person, points = 3, reason = "r" };
        var reply = await Refused(() => App.Post("/api/marks", body), HttpStatusCode.BadRequest, "clause");
        Assert.Contains($"computed from the {source}", reply.ErrorsFor("clause")[0]);
    }
}
