using System.Net;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Registry;

/// <summary>Units and people are found by code or name and listed a page at a time; the bare list stays as it was (ADR 0068).</summary>
public class RegistrySearchTests(LedgerApp app) : LedgerTest(app)
{
    private static List<string> Codes(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("code").GetString()!).ToList();

    private static List<string> Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("name").GetString()!).ToList();

    [Fact]
    public async Task Units_are_found_by_code_or_name_in_any_case_and_paged()
    {
        await App.NewUnit("XY-GA", "市公安局");
        await App.NewUnit("XY-JT", "市交通运输局");
        await App.NewUnit("XY-ZJ", "市住房和城乡建设局");
        await App.NewUnit("HB_1", "淮滨县100%办结办");

        Assert.Equal(["XY-GA", "XY-JT", "XY-ZJ"], Codes(await App.Ok("/api/units?q=xy-")));
        Assert.Equal(["XY-JT"], Codes(await App.Ok("/api/units?q=交通")));
        Assert.Equal(["HB_1"], Codes(await App.Ok("/api/units?q=100%25")));   // % is matched as itself
        Assert.Equal(["HB_1"], Codes(await App.Ok("/api/units?q=b_")));       // and so is _
        Assert.Empty(Codes(await App.Ok("/api/units?q=无此单位")));

        var first = await App.Ok("/api/units?limit=3");
        Assert.Equal(["HB_1", "XY-GA", "XY-JT"], Codes(first));
        var second = await App.Ok($"/api/units?limit=3&after={first.GetProperty("next").GetString()}");
        Assert.Equal(["XY-ZJ"], Codes(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);

        // Without q, limit or after: the bare array of API.md, as before.
        var bare = await App.Ok("/api/units");
        Assert.Equal(JsonValueKind.Array, bare.ValueKind);
        Assert.Equal(4, bare.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Get("/api/units?limit=0")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Get("/api/units?after=%%%")).Status);
    }

    [Fact]
    public async Task People_are_found_by_name_and_paged_and_a_liaison_pages_through_their_own_units_people()
    {
        var own = await App.NewUnit("OWN-P", "市住建局");
        var other = await App.NewUnit("OTHER-P", "市交通局");
        await App.NewPerson(own, "2020-01-01", "王芳");
        await App.NewPerson(own, "2020-01-01", "王刚");
        await App.NewPerson(other, "2020-01-01", "王强");
        var mover = await App.NewPerson(other, "2020-01-01", "李明");
        await App.Created($"/api/people/{mover}/transfers", new { toUnitId = own, effectiveOn = "2020-07-01" }, HttpStatusCode.OK);

        Assert.Equal(3, Names(await App.Ok("/api/people?q=王")).Count);
        Assert.Equal(["王刚", "王芳"], Names(await App.Ok($"/api/people?q=王&unitId={own}")).Order().ToList());

        var pages = new List<string>();
        string? next = null;
        do
        {
            var page = await App.Ok($"/api/people?limit=1{(next is null ? "" : $"&after={next}")}");
            pages.AddRange(Names(page));
            next = page.GetProperty("next").GetString();
        } while (next is not null);
        Assert.Equal(4, pages.Count);
        Assert.Equal(4, pages.Distinct().Count());

        // A liaison's pages hold their unit's people only (the mover has a membership in it), and are whole.
        var liaison = App.AsLiaison("OWN-P");
        var first = await liaison.Get("/api/people?limit=2");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(2, Names(first.Json).Count);
        var rest = await liaison.Get($"/api/people?limit=2&after={first.Json.GetProperty("next").GetString()}");
        Assert.Equal(new[] { "李明", "王刚", "王芳" }.Order(), Names(first.Json).Concat(Names(rest.Json)).Order());
        Assert.Equal(JsonValueKind.Array, (await App.Ok("/api/people")).ValueKind);
    }
}
