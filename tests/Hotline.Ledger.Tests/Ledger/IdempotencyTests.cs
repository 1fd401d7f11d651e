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
    [Fact]
    public async Task A_replayed_201_carries_its_Location_again()
    {
        var unit = await App.NewUnit();
        var body = new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = "信息被采用" };
        var first = await SendKeyed("/api/entries", body, "key-location");
        var again = await SendKeyed("/api/entries", body, "key-location");

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotNull(first.Headers.Location);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_request_whose_answer_cannot_be_stored_writes_nothing_and_its_key_works_on_retry()
    {
        // The step that keeps the answer fails: the write it guards must not commit without it.
        await App.Sql($"""
            create function "{App.Schema}".refuse_answers() returns trigger language plpgsql as $$
            begin raise exception 'the answer cannot be stored'; end $$;
            create trigger refuse_answers before update on "{App.Schema}".hl_idempotency
            for each row when (new.status_code is not null) execute function "{App.Schema}".refuse_answers();
            """);
        var unit = await App.NewUnit();
        var body = new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = "答复未能保存" };
        var before = await App.EventCount();
        try
        {
            var failed = await App.Post("/api/entries", body, "key-unstored");
            Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
            Assert.Equal(before, await App.EventCount());
        }
        finally
        {
            await App.Sql($"""drop trigger refuse_answers on "{App.Schema}".hl_idempotency; drop function "{App.Schema}".refuse_answers();""");
        }

        var retried = await App.Post("/api/entries", body, "key-unstored");
        Assert.Equal(HttpStatusCode.Created, retried.Status);
        Assert.Equal(before + 1, await App.EventCount());
        var replayed = await App.Post("/api/entries", body, "key-unstored");
        Assert.Equal(retried.Text, replayed.Text);
        Assert.Equal(before + 1, await App.EventCount());
    }

    [Fact]
    public async Task A_key_left_without_an_answer_is_not_stuck()
    {
        // What a request that died between taking its key and answering used to leave behind.
        var unit = await App.NewUnit();
        await App.Sql($"""
            insert into "{App.Schema}".hl_idempotency (scope, request_hash, created_at)
            values ('{LedgerApp.DefaultUser}|key-abandoned', 'X', now() - interval '1 hour')
            """);
        var reply = await App.Post("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = "遗留的键" }, "key-abandoned");
        Assert.Equal(HttpStatusCode.Created, reply.Status);
    }

    [Fact]
    public async Task A_key_held_by_a_request_in_flight_is_busy_and_free_once_that_request_is_gone()
    {
        var unit = await App.NewUnit();
        var body = new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = "进行中" };
        var before = await App.EventCount();
        // A request in flight holds its key's row in its open transaction.
        await using var holder = new Npgsql.NpgsqlConnection(LedgerApp.ConnectionString);
        await holder.OpenAsync();
        var transaction = await holder.BeginTransactionAsync();
        await using (var take = new Npgsql.NpgsqlCommand(
            $"insert into \"{App.Schema}\".hl_idempotency (scope, request_hash, created_at) values ('{LedgerApp.DefaultUser}|key-busy', 'X', now())",
            holder, transaction))
            await take.ExecuteNonQueryAsync();

        var busy = await SendKeyed("/api/entries", body, "key-busy");
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.NotNull(busy.Headers.RetryAfter);

        // It dies: its transaction goes with its connection, and the key is free.
        await holder.CloseAsync();
        var done = await SendKeyed("/api/entries", body, "key-busy");
        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        Assert.Equal(before + 1, await App.EventCount());
    }

    private async Task<HttpResponseMessage> SendKeyed(string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await App.Client.SendAsync(request);
    }
}
