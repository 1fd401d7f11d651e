using System.Net;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Tenancy;

/// <summary>
/// A score read's record is started before the read's work, from the thread pool's shared flush: it must still land
/// in the database of the city the read was in, and a refused one must be withdrawn there.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class CityScoreReadTests(CityApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAll();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<Guid> NewUnit(Caller office, string code)
    {
        var reply = await office.Post("/api/units", new { code, name = "公安局" });
        Assert.True(reply.Status == HttpStatusCode.Created, reply.Text);
        return reply.Json.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Score_reads_of_two_cities_at_once_are_each_on_file_in_their_own_citys_database()
    {
        var unitA = await NewUnit(app.Office(CityApp.A), "GA");
        var unitB = await NewUnit(app.Office(CityApp.B), "GA");
        var readerA = app.InCity(CityApp.A, "inspector-a", [Roles.Inspector]);
        var readerB = app.InCity(CityApp.B, "inspector-b", [Roles.Inspector]);

        var reads = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => i % 3 == 0
            ? readerA.Get($"/api/units/{unitA}/score?year=2020")
            : readerB.Get($"/api/units/{unitB}/score?year=2020")));
        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        // A refused read in city A: withdrawn in A's database, listed nowhere.
        Assert.Equal(HttpStatusCode.BadRequest, (await readerA.Get($"/api/units/{unitA}/score?year=2020&format=pdf")).Status);

        Assert.Equal(10, (await app.InCity(CityApp.A, "auditor", [Roles.Auditor]).Get($"/api/audit/reads?unitId={unitA}")).Json.GetArrayLength());
        Assert.Equal(20, (await app.InCity(CityApp.B, "auditor", [Roles.Auditor]).Get($"/api/audit/reads?unitId={unitB}")).Json.GetArrayLength());
        Assert.Equal(11L, await app.ScalarIn(CityApp.A, $"select count(*) from {{schema}}.mt_doc_readrecord where data->>'unitId' = '{unitA}'"));
        Assert.Equal(1L, await app.ScalarIn(CityApp.A, $"select count(*) from {{schema}}.mt_doc_readrecord where mt_deleted"));
        Assert.Equal(0L, await app.ScalarIn(CityApp.A, $"select count(*) from {{schema}}.mt_doc_readrecord where data->>'unitId' = '{unitB}'"));
        Assert.Equal(20L, await app.ScalarIn(CityApp.B, $"select count(*) from {{schema}}.mt_doc_readrecord where data->>'unitId' = '{unitB}'"));
        Assert.Equal(0L, await app.ScalarIn(CityApp.B, $"select count(*) from {{schema}}.mt_doc_readrecord where data->>'unitId' = '{unitA}'"));
    }
}
