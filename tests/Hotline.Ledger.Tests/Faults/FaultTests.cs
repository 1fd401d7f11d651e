using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Hotline.Ledger.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace Hotline.Ledger.Tests.Faults;

/// <summary>
/// Concurrent writers with Idempotency-Keys while the service is stopped hard and started again and
/// its PostgreSQL backends are terminated. Every writer retries its outstanding key until it gets an
/// answer. Afterwards every key has an answer, every acknowledged entry exists exactly once and the
/// hash chain verifies.
/// </summary>
public sealed class FaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Writers = 8;
    private const int WritesEach = 30;
    private const int MaxTries = 200;
    // Tries that got no HTTP answer at all (the service going or coming back) do not count against MaxTries: a
    // restart on a loaded machine can outlast 200 quick tries. This bounds them (≈ 5 minutes of 50 ms waits).
    private const int MaxUnanswered = 6000;

    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..12];
    // Only this test's backends carry this name: the faults never reach anyone else's.
    private string ApplicationName => "hotline-fault-" + _schema;
    private IAlbaHost? _host;
    private HttpClient? _client;

    public async Task InitializeAsync() => await Start();

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{_schema}\" cascade", conn);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Writes_survive_a_hard_stop_and_terminated_backends_once_each_and_none_stuck()
    {
        var unit = (await Post("/api/units", new { code = "FAULT", name = "故障单位" }, "setup-unit")).GetProperty("id").GetGuid();

        var acknowledged = new ConcurrentDictionary<string, Guid>();
        var retriedKeys = new ConcurrentDictionary<string, int>();
        var stuck = new ConcurrentBag<string>();
        var lastReply = new ConcurrentDictionary<string, string>();
        var writes = 0;
        using var done = new CancellationTokenSource();

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < WritesEach; i++)
            {
                var key = $"fault-{w}-{i}";
                var body = new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = key };
                var answered = false;
                var unanswered = 0;
                for (var attempt = 1; attempt <= MaxTries && !answered; attempt++)
                {
                    if (attempt > 1 || unanswered > 0)
                    {
                        retriedKeys.AddOrUpdate(key, 1, (_, n) => n + 1);
                        await Task.Delay(50);
                    }

                    var (status, text) = await TrySend(key, body);
                    lastReply[key] = $"{(int?)status} {text?[..Math.Min(300, text.Length)]}";
                    if (status is null && ++unanswered < MaxUnanswered) attempt--;
                    if (status == HttpStatusCode.Created)
                    {
                        acknowledged[key] = JsonDocument.Parse(text!).RootElement.GetProperty("id").GetGuid();
                        Interlocked.Increment(ref writes);
                        answered = true;
                    }
                    else if (status is not (null or HttpStatusCode.Conflict or >= HttpStatusCode.InternalServerError))
                        Assert.Fail($"{key}: answered {(int)status!} {text}");
                    else if (status == HttpStatusCode.Conflict && text!.Contains("different request"))
                        Assert.Fail($"{key}: {text}");
                }

                if (!answered) stuck.Add(key);
            }
        })).ToList();

        // The faults, spread over the load.
        var terminated = 0;
        var faults = 0;
        async Task WaitFor(int count)
        {
            while (Volatile.Read(ref writes) < count && writers.Any(t => !t.IsCompleted)) await Task.Delay(10);
        }

        await WaitFor(30);
        terminated += await TerminateOurBackends();
        faults++;
        await WaitFor(80);
        await HardStopAndStart();
        faults++;
        await WaitFor(130);
        terminated += await TerminateOurBackends();
        faults++;
        await WaitFor(180);
        terminated += await TerminateOurBackends();
        faults++;
        await Task.WhenAll(writers);

        // Every key has an answer: asked again, each gives back the entry it acknowledged, appending nothing.
        var eventsAfterLoad = await Scalar<long>($"select count(*) from \"{_schema}\".mt_events where type <> 'tombstone'");
        foreach (var (key, id) in acknowledged)
        {
            var (status, text) = await TrySend(key, new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = key });
            Assert.Equal(HttpStatusCode.Created, status);
            Assert.Equal(id, JsonDocument.Parse(text!).RootElement.GetProperty("id").GetGuid());
        }

        Assert.Equal(eventsAfterLoad, await Scalar<long>($"select count(*) from \"{_schema}\".mt_events where type <> 'tombstone'"));

        // Every acknowledged entry exists exactly once, and nothing else was written.
        var stored = new Dictionary<string, List<Guid>>();
        await using (var conn = new NpgsqlConnection(LedgerApp.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                $"select data->>'reason', stream_id from \"{_schema}\".mt_events where type <> 'tombstone' and data->>'reason' like 'fault-%'", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var reason = reader.GetString(0);
                if (!stored.TryGetValue(reason, out var ids)) stored[reason] = ids = [];
                ids.Add(reader.GetGuid(1));
            }
        }

        var lost = acknowledged.Keys.Count(k => !stored.ContainsKey(k));
        var duplicated = stored.Values.Count(ids => ids.Count > 1);
        var unacknowledged = stored.Keys.Count(k => !acknowledged.ContainsKey(k));
        var wrongEntry = acknowledged.Count(a => stored.TryGetValue(a.Key, out var ids) && !ids.Contains(a.Value));

        var integrity = await Get("/api/integrity");
        output.WriteLine(
            $"writes {Writers * WritesEach} by {Writers} writers; acknowledged {acknowledged.Count}; faults injected {faults} " +
            $"(1 hard stop and restart, 3 terminations of {terminated} backends in all); keys retried {retriedKeys.Count} " +
            $"({retriedKeys.Values.Sum()} retries); stuck {stuck.Count}; lost {lost}; duplicated {duplicated}; " +
            $"written but not acknowledged {unacknowledged}; chain valid {integrity.GetProperty("valid").GetBoolean()} " +
            $"({integrity.GetProperty("linksVerified").GetInt64()} links)");

        // What a stuck key last heard, its row and the backends still busy: the trail to the cause if a key sticks.
        foreach (var k in stuck) output.WriteLine($"stuck {k}, last answered: {lastReply.GetValueOrDefault(k)}");
        await using (var pc = new NpgsqlConnection(LedgerApp.ConnectionString))
        {
            await pc.OpenAsync();
            await using var pcmd = new NpgsqlCommand($"select scope, coalesce(status_code, -1), xmin::text from \"{_schema}\".hl_idempotency where scope like '%fault-%' and (status_code is null or status_code <> 201)", pc);
            await using var pr = await pcmd.ExecuteReaderAsync();
            while (await pr.ReadAsync()) output.WriteLine($"key without a 201 answer: {pr.GetString(0)} status {pr.GetInt32(1)} xmin {pr.GetString(2)}");
        }
        foreach (var a in await Activity()) output.WriteLine("backend not idle: " + a);
        Assert.Empty(stuck);
        Assert.Equal(Writers * WritesEach, acknowledged.Count);
        Assert.Equal(0, lost);
        Assert.Equal(0, duplicated);
        Assert.Equal(0, unacknowledged);
        Assert.Equal(0, wrongEntry);
        Assert.True(integrity.GetProperty("valid").GetBoolean(), integrity.ToString());
        Assert.True(terminated > 0, "no backend of this test was terminated: the fault was not injected");
    }

    private async Task Start()
    {
        var connection = new NpgsqlConnectionStringBuilder(LedgerApp.ConnectionString) { ApplicationName = ApplicationName }.ConnectionString;
        _host = await AlbaHost.For<Program>(b =>
        {
            LedgerApp.Configure(b, _schema);
            b.UseSetting("ConnectionStrings:Hotline", connection);
        });
        Volatile.Write(ref _client, LedgerApp.ClientOf(_host));
    }

    /// <summary>Stops the service without waiting for the requests in flight, and starts a new one on the same schema.</summary>
    private async Task HardStopAndStart()
    {
        var old = _host!;
        await HardStop.WithoutWaiting(old);

        await old.DisposeAsync();
        await Start();
    }

    private async Task<List<string>> Activity()
    {
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select pid || ' ' || state || ' ' || coalesce(backend_xid::text, '-') || ' ' || left(query, 120) from pg_stat_activity where application_name = $1 and state <> 'idle'", conn);
        cmd.Parameters.AddWithValue(ApplicationName);
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private async Task<int> TerminateOurBackends()
    {
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()", conn);
        cmd.Parameters.AddWithValue(ApplicationName);
        return (int)(long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>One try; null status when the request did not get an HTTP answer at all (the service was going away).</summary>
    private async Task<(HttpStatusCode? Status, string? Text)> TrySend(string key, object body)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/entries") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await Volatile.Read(ref _client)!.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or ObjectDisposedException or OperationCanceledException or InvalidOperationException or IOException)
        {
            return (null, e.Message);
        }
    }

    private async Task<JsonElement> Post(string url, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await _client!.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<JsonElement> Get(string url)
    {
        var text = await _client!.GetStringAsync(url);
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<T> Scalar<T>(string sql)
    {
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
