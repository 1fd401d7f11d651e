using System.Net;
using Alba;
using Hotline.Ledger.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Hotline.Ledger.Tests.Ledger;

public class IdempotencyTests(LedgerApp app) : LedgerTest(app)
{
    [Fact]
    public async Task The_same_key_and_body_answers_the_first_response_and_appends_nothing()
    {
        var unit = await App.NewUnit();
        var body = new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = "信息被采用" };
        var first = await App.Post("/api/entries", body, "key-1");
        Assert.Equal(HttpStatusCode.Created, first.Status);
        var count = await App.EventCount();

        var again = await App.Post("/api/entries", body, "key-1");
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(first.Text, again.Text);
        Assert.Equal(count, await App.EventCount());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_409()
    {
        var unit = await App.NewUnit();
        await App.Post("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = "a" }, "key-2");
        var before = await App.EventCount();
        var reply = await App.Post("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = "b" }, "key-2");
        Assert.Equal(HttpStatusCode.Conflict, reply.Status);
        Assert.Equal(before, await App.EventCount());
    }

    [Fact]
    public async Task A_failed_request_releases_its_key_for_a_corrected_retry()
    {
        var unit = await App.NewUnit();
        var bad = await App.Post("/api/entries", new { clause = "D1", unitId = unit, occurredOn = "2020-03-03", reason = "投诉" }, "key-3");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        var good = await App.Post("/api/entries", new { clause = "D1", unitId = unit, occurredOn = "2020-03-03", points = 5, reason = "投诉" }, "key-3");
        Assert.Equal(HttpStatusCode.Created, good.Status);
    }

    [Fact]
    public async Task Racing_requests_with_one_key_append_once()
    {
        var unit = await App.NewUnit();
        var body = new { clause = "B2.1", unitId = unit, occurredOn = "2020-03-03", reason = "电话致谢" };
        var before = await App.EventCount();
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => App.Post("/api/entries", body, "key-race")));
        Assert.Contains(replies, r => r.Status == HttpStatusCode.Created);
        Assert.All(replies, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, r.Text));
        Assert.Equal(before + 1, await App.EventCount());
    }

    [Fact]
    public async Task Keys_survive_a_restart_of_the_service()
    {
        var body = new { code = "KEEP", name = "重启后仍在" };
        var first = await App.Post("/api/units", body, "key-restart");
        Assert.Equal(HttpStatusCode.Created, first.Status);

        // A second, freshly started service on the same database answers the stored response.
        await using var restarted = await AlbaHost.For<Program>(b => LedgerApp.Configure(b, App.Schema));
        var again = await App.ClientFor(LedgerApp.DefaultUser, LedgerApp.DefaultRoles, host: restarted).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/units")
        {
            Content = System.Net.Http.Json.JsonContent.Create(body),
            Headers = { { "Idempotency-Key", "key-restart" } },
        });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Text, await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.EventCount());
    }
}
