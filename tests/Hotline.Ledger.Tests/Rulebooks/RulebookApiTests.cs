using System.Net;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Rulebooks;

public class RulebookApiTests(LedgerApp app) : LedgerTest(app)
{
    [Fact]
    public async Task The_built_in_rulebook_is_served_with_all_36_clauses()
    {
        var list = await App.Ok("/api/rulebooks");
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("id").GetString() == "xinyang-2019");

        var book = await App.Ok("/api/rulebooks/xinyang-2019");
        var clauses = book.GetProperty("clauses").EnumerateArray().ToList();
        Assert.Equal(36, clauses.Select(c => c.GetProperty("code").GetString()).Distinct().Count());

        var d1 = clauses.Single(c => c.GetProperty("code").GetString() == "D1");
        Assert.Equal("deduction", d1.GetProperty("kind").GetString());
        Assert.Equal("both", d1.GetProperty("appliesTo").GetString());
        Assert.Equal(5, d1.GetProperty("minPoints").GetDecimal());
        Assert.Equal(10, d1.GetProperty("maxPoints").GetDecimal());
        Assert.Equal("each", d1.GetProperty("frequency").GetString());
    }

    [Fact]
    public async Task The_rulebook_in_force_on_a_date_is_found_and_none_before_the_measures()
    {
        var inForce = await App.Ok("/api/rulebooks/in-force?on=2020-07-05");
        Assert.Equal("xinyang-2019", inForce.GetProperty("id").GetString());

        var before = await App.Get("/api/rulebooks/in-force?on=2019-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, before.Status);
        Assert.NotEmpty(before.ErrorsFor("on"));
    }

    [Fact]
    public async Task An_unknown_rulebook_is_a_404()
    {
        var reply = await App.Get("/api/rulebooks/nowhere-1999");
        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("application/problem+json", reply.MediaType);
    }
}
