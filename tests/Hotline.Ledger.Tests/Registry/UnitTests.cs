using System.Net;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Registry;

public class UnitTests(LedgerApp app) : LedgerTest(app)
{
    [Fact]
    public async Task A_registered_unit_is_listed_and_found_by_id()
    {
        var created = await App.Created("/api/units", new { code = "ZJJ", name = "市住房和城乡建设局" });
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("ZJJ", created.GetProperty("code").GetString());
        Assert.Equal("市住房和城乡建设局", created.GetProperty("name").GetString());

        var found = await App.Ok($"/api/units/{id}");
        Assert.Equal("市住房和城乡建设局", found.GetProperty("name").GetString());
        var list = await App.Ok("/api/units");
        Assert.Contains(list.EnumerateArray(), u => u.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_second_unit_with_the_same_code_is_a_409_whatever_the_case()
    {
        await App.NewUnit("ZJJ");
        await Refused(() => App.Post("/api/units", new { code = "ZJJ", name = "another" }), HttpStatusCode.Conflict, "code");
        await Refused(() => App.Post("/api/units", new { code = "zjj", name = "another" }), HttpStatusCode.Conflict, "code");
    }

    [Fact]
    public async Task Racing_registrations_of_one_code_register_it_once()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => App.Post("/api/units", new { code = "RACE", name = "赛跑" })));
        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        Assert.Equal(1, await App.EventCount());
    }

    [Theory]
    [InlineData("{\"code\": \"\", \"name\": \"x\"}", "code")]
    [InlineData("{\"code\": \"A B\", \"name\": \"x\"}", "code")]
    [InlineData("{\"code\": \"OK\"}", "name")]
    public async Task Bad_units_are_400s_naming_the_field(string body, string field)
    {
        await Refused(() => App.PostRaw("/api/units", body), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        await Refused(() => App.PostRaw("/api/units", "{\"code\": \"X"), HttpStatusCode.BadRequest);
        await Refused(() => App.PostRaw("/api/units", "[1,2]"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_unit_is_a_404()
    {
        var reply = await App.Get($"/api/units/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("application/problem+json", reply.MediaType);
    }
}
