using System.Net;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Ledger;

/// <summary>The office finds entries by any of their facts, a page at a time (ADR 0068).</summary>
public class EntryListTests(LedgerApp app) : LedgerTest(app)
{
    private static Guid Id(JsonElement e, string property = "id") => e.GetProperty(property).GetGuid();

    private async Task<List<Guid>> Ids(string query) =>
        (await App.Ok($"/api/entries{query}")).GetProperty("items").EnumerateArray().Select(e => Id(e)).ToList();

    private sealed record World(string OwnCode, Guid Own, Guid Other, Guid Person, Guid Bonus, Guid Complaint, Guid OtherBonus, Guid Caseful);

    private async Task<World> Build()
    {
        var ownCode = "OWN-" + Guid.NewGuid().ToString("N")[..6];
        var own = await App.NewUnit(ownCode, "市住建局");
        var other = await App.NewUnit(null, "市交通局");
        var person = await App.NewPerson(own, "2020-01-01", "李四");
        var bonus = Id(await App.Created("/api/entries", new { clause = "B1", unitId = own, occurredOn = "2020-03-03", reason = "信息被采用" }));
        var complaint = Id(await App.Created("/api/entries", new { clause = "D1", unitId = own, personId = person, occurredOn = "2020-04-04", points = 5, reason = "拖延被投诉" }));
        var otherBonus = Id(await App.Created("/api/entries", new { clause = "B1", unitId = other, occurredOn = "2020-05-05", reason = "信息被采用" }));
        var caseful = Id(await App.Created("/api/entries", new { clause = "D3.2", unitId = other, occurredOn = "2020-06-06", reason = "虚假办结", caseNumber = "XY-2020-0606" }));
        return new World(ownCode, own, other, person, bonus, complaint, otherBonus, caseful);
    }

    [Fact]
    public async Task Entries_are_found_by_unit_person_clause_dates_status_case_and_how_they_were_recorded()
    {
        var w = await Build();
        Assert.Equal([w.Bonus, w.Complaint, w.OtherBonus, w.Caseful], await Ids(""));
        Assert.Equal([w.Bonus, w.Complaint], await Ids($"?unitId={w.Own}"));
        Assert.Equal([w.Complaint], await Ids($"?personId={w.Person}"));
        Assert.Equal([w.Bonus, w.OtherBonus], await Ids("?clause=B1"));
        Assert.Equal([w.Complaint, w.OtherBonus], await Ids("?from=2020-04-01&to=2020-05-31"));
        Assert.Equal([w.Caseful], await Ids("?caseNumber=XY-2020-0606"));
        Assert.Equal(4, (await Ids("?automatic=false")).Count);
        Assert.Empty(await Ids("?automatic=true"));

        var second = (await App.Ok($"/api/entries/{w.Complaint}")).GetProperty("recordedAt").GetDateTimeOffset();
        var at = Uri.EscapeDataString(second.UtcDateTime.ToString("O"));
        Assert.Equal([w.Complaint, w.OtherBonus, w.Caseful], await Ids($"?recordedFrom={at}"));
        Assert.Equal([w.Bonus, w.Complaint], await Ids($"?recordedTo={at}"));

        await App.Created($"/api/entries/{w.Complaint}/rescind", new { reason = "复核不实" }, HttpStatusCode.OK);
        Assert.Equal([w.Complaint], await Ids("?status=rescinded"));
        Assert.Equal([w.Bonus, w.OtherBonus, w.Caseful], await Ids("?status=active"));
        // As the ledger stood before the rescission: the complaint was active, and the later entries unknown.
        var then = await App.Ok($"/api/entries?knownAt={at}");
        Assert.Equal([w.Bonus, w.Complaint], then.GetProperty("items").EnumerateArray().Select(e => Id(e)));
        Assert.Equal("active", then.GetProperty("items")[1].GetProperty("status").GetString());
        Assert.Empty(await Ids($"?knownAt={at}&status=rescinded"));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        var w = await Build();
        var first = await App.Ok("/api/entries?limit=3");
        Assert.Equal([w.Bonus, w.Complaint, w.OtherBonus], first.GetProperty("items").EnumerateArray().Select(e => Id(e)));
        var next = first.GetProperty("next").GetString()!;
        var last = await App.Ok($"/api/entries?limit=3&after={next}");
        Assert.Equal([w.Caseful], last.GetProperty("items").EnumerateArray().Select(e => Id(e)));
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await App.Ok("/api/entries")).GetProperty("next").ValueKind);

        // One page of two, through a filter, then its second.
        var own = await App.Ok($"/api/entries?unitId={w.Own}&limit=1");
        Assert.Equal([w.Bonus], own.GetProperty("items").EnumerateArray().Select(e => Id(e)));
        Assert.Equal([w.Complaint], await Ids($"?unitId={w.Own}&limit=1&after={own.GetProperty("next").GetString()}"));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("after=not-a-cursor", "after")]
    [InlineData("status=deleted", "status")]
    [InlineData("from=2020/04/01", "from")]
    [InlineData("from=2020-05-01&to=2020-04-01", "to")]
    [InlineData("recordedFrom=yesterday", "recordedFrom")]
    [InlineData("knownAt=2020-13-01", "knownAt")]
    [InlineData("automatic=yes", "automatic")]
    public async Task Bad_filters_are_400s_naming_the_parameter(string query, string field)
    {
        var reply = await App.Get($"/api/entries?{query}");
        Assert.True(reply.Status == HttpStatusCode.BadRequest, $"{query} answered {(int)reply.Status}: {reply.Text}");
        Assert.NotEmpty(reply.ErrorsFor(field));
    }

    [Fact]
    public async Task An_unknown_unit_or_person_is_a_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/entries?unitId={Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/entries?personId={Guid.NewGuid()}")).Status);
    }

    [Fact]
    public async Task A_liaison_is_listed_their_own_units_entries_only_in_whole_pages()
    {
        var w = await Build();
        var liaison = App.AsLiaison(w.OwnCode);
        var all = await liaison.Get("/api/entries?limit=1");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Equal([w.Bonus], all.Json.GetProperty("items").EnumerateArray().Select(e => Id(e)));
        var rest = await liaison.Get($"/api/entries?limit=5&after={all.Json.GetProperty("next").GetString()}");
        Assert.Equal([w.Complaint], rest.Json.GetProperty("items").EnumerateArray().Select(e => Id(e)));
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Get($"/api/entries?unitId={w.Other}")).Status);

        // The search is recorded like a read of an entry, with the unit asked for.
        Assert.Equal(HttpStatusCode.OK, (await liaison.Get($"/api/entries?unitId={w.Own}")).Status);
        var reads = (await App.Ok("/api/audit/reads?reader=liaison")).EnumerateArray().ToList();
        Assert.Equal(3, reads.Count);
        Assert.All(reads, r => Assert.Equal("entry", r.GetProperty("kind").GetString()));
        Assert.Contains(reads, r => r.TryGetProperty("unitId", out var u) && u.ValueKind == JsonValueKind.String && u.GetGuid() == w.Own);
    }
}
