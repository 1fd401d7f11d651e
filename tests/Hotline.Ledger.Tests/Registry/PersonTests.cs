using System.Net;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Registry;

public class PersonTests(LedgerApp app) : LedgerTest(app)
{
    [Fact]
    public async Task A_person_transferred_mid_year_has_both_memberships()
    {
        var first = await App.NewUnit("A");
        var second = await App.NewUnit("B");
        var person = await App.NewPerson(first, "2020-01-01");

        var moved = await App.Created($"/api/people/{person}/transfers", new { toUnitId = second, effectiveOn = "2020-07-01" }, HttpStatusCode.OK);
        Assert.Equal(second, moved.GetProperty("unitId").GetGuid());

        var found = await App.Ok($"/api/people/{person}");
        var memberships = found.GetProperty("memberships").EnumerateArray().ToList();
        Assert.Equal(2, memberships.Count);
        Assert.Equal((first, "2020-01-01", "2020-06-30"),
            (memberships[0].GetProperty("unitId").GetGuid(), memberships[0].GetProperty("from").GetString(), memberships[0].GetProperty("to").GetString()));
        Assert.Equal((second, "2020-07-01", true),
            (memberships[1].GetProperty("unitId").GetGuid(), memberships[1].GetProperty("from").GetString(), memberships[1].GetProperty("to").ValueKind == System.Text.Json.JsonValueKind.Null));
    }

    [Fact]
    public async Task A_person_for_an_unknown_unit_is_a_400()
    {
        await Refused(() => App.Post("/api/people", new { name = "李四", unitId = Guid.NewGuid(), effectiveOn = "2020-01-01" }), HttpStatusCode.BadRequest, "unitId");
    }

    [Fact]
    public async Task A_transfer_dated_before_the_person_joined_is_a_400()
    {
        var first = await App.NewUnit();
        var second = await App.NewUnit();
        var person = await App.NewPerson(first, "2020-03-01");
        await Refused(() => App.Post($"/api/people/{person}/transfers", new { toUnitId = second, effectiveOn = "2020-02-01" }), HttpStatusCode.BadRequest, "effectiveOn");
        await Refused(() => App.Post($"/api/people/{person}/transfers", new { toUnitId = second, effectiveOn = "2020-03-01" }), HttpStatusCode.BadRequest, "effectiveOn");
    }

    [Fact]
    public async Task A_transfer_to_an_unknown_unit_or_the_same_unit_is_a_400()
    {
        var unit = await App.NewUnit();
        var person = await App.NewPerson(unit, "2020-01-01");
        await Refused(() => App.Post($"/api/people/{person}/transfers", new { toUnitId = Guid.NewGuid(), effectiveOn = "2020-05-01" }), HttpStatusCode.BadRequest, "toUnitId");
        await Refused(() => App.Post($"/api/people/{person}/transfers", new { toUnitId = unit, effectiveOn = "2020-05-01" }), HttpStatusCode.BadRequest, "toUnitId");
    }

    [Fact]
    public async Task A_future_date_is_a_400()
    {
        var unit = await App.NewUnit();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)).ToString("yyyy-MM-dd");
        await Refused(() => App.Post("/api/people", new { name = "王五", unitId = unit, effectiveOn = tomorrow }), HttpStatusCode.BadRequest, "effectiveOn");
    }

    [Fact]
    public async Task Unknown_people_are_404s_for_reads_and_transfers()
    {
        var unit = await App.NewUnit();
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/people/{Guid.NewGuid()}")).Status);
        await Refused(() => App.Post($"/api/people/{Guid.NewGuid()}/transfers", new { toUnitId = unit, effectiveOn = "2020-05-01" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_missing_name_and_malformed_json_are_400s()
    {
        var unit = await App.NewUnit();
        await Refused(() => App.Post("/api/people", new { name = "", unitId = unit }), HttpStatusCode.BadRequest, "name");
        await Refused(() => App.PostRaw("/api/people", "{\"name\": 12, \"unitId\": \"not-a-guid\"}"), HttpStatusCode.BadRequest);
        await Refused(() => App.PostRaw($"/api/people/{Guid.NewGuid()}/transfers", "{\"effectiveOn\": \"2020-13-45\"}"), HttpStatusCode.BadRequest);
    }
}
