using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Hotline.Ledger.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Hotline.Ledger.Tests.Faults;

/// <summary>
/// A host stopped hard while its group commit is in the middle of a batch: a step has taken its
/// Idempotency-Key and then finds the host gone. The batch must end (nothing of it written), its
/// transaction must not outlive the host holding the key, and the client's retry on the next host
/// must be answered once. To stop the host at exactly that point a trigger holds the key's insert
/// until the test lets it go.
/// </summary>
public sealed class HardStopMidBatchTests : IAsyncLifetime
{
    private const long Gate = 20191220_21;
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..12];
    private IAlbaHost? _host;
    private HttpClient? _client;

    private string ApplicationName(string host) => $"hotline-stop-{host}-{_schema}";

    public async Task InitializeAsync() => await Start("first");

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await Sql($"drop schema if exists \"{_schema}\" cascade");
    }

    [Fact]
    public async Task A_host_stopped_while_its_batch_holds_a_key_leaves_the_key_free_and_the_retry_writes_once()
    {
        var unit = (await Send("/api/units", new { code = "STOP", name = "停机单位" }, "stop-unit")).Json.GetProperty("id").GetGuid();
        await Sql($"""
            create function "{_schema}".hold_key() returns trigger language plpgsql as $$
            begin
              perform set_config('lock_timeout', '0', true);
              perform pg_advisory_xact_lock_shared({Gate});
              return new;
            end $$;
            create trigger hold_key before insert on "{_schema}".hl_idempotency for each row
            when (new.scope like '%|stop-mid-step') execute function "{_schema}".hold_key();
            """);
        var body = new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = "停机时的录入" };

        await using var gate = new NpgsqlConnection(LedgerApp.ConnectionString);
        await gate.OpenAsync();
        await Execute(gate, $"select pg_advisory_lock({Gate})");
        var first = Send("/api/entries", body, "stop-mid-step", mustSucceed: false);
        await UntilBackendWaitsAtGate();

        // The host goes without waiting; then the step, its key taken, carries on in a host that is gone.
        var old = _host!;
        await HardStop.WithoutWaiting(old);

        await old.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(2));

        // The host is gone and so is its batch's transaction, though the gate still holds the step: nothing holds the key.
        var open = await Activity("first", "xact_start is not null");
        Assert.True(open.Count == 0, "the stopped host left a transaction open: " + string.Join("; ", open));
        await Execute(gate, $"select pg_advisory_unlock({Gate})");
        await Sql($"""drop trigger hold_key on "{_schema}".hl_idempotency""");
        var answered = await Task.WhenAny(first, Task.Delay(TimeSpan.FromMinutes(1))) == first ? await first : default;

        // The client retries on the next host: the key is free, the entry is written once, and a repeat replays it.
        await Start("second");
        var retried = await Send("/api/entries", body, "stop-mid-step", mustSucceed: false);
        Assert.True(retried.Status == HttpStatusCode.Created, retried.Text);
        var again = await Send("/api/entries", body, "stop-mid-step", mustSucceed: false);
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(retried.Json.GetProperty("id").GetGuid(), again.Json.GetProperty("id").GetGuid());
        // Whatever the stopped host answered, if anything, speaks of that one entry.
        if (answered.Status == HttpStatusCode.Created)
            Assert.Equal(answered.Json.GetProperty("id").GetGuid(), retried.Json.GetProperty("id").GetGuid());
        Assert.Equal(1L, await Scalar($"select count(*) from \"{_schema}\".mt_events where data->>'reason' = '停机时的录入'"));
    }

    private async Task Start(string name)
    {
        // No command timeout: a statement waiting at the gate is never ended by the client, only by the stop.
        var connection = new NpgsqlConnectionStringBuilder(LedgerApp.ConnectionString) { ApplicationName = ApplicationName(name), CommandTimeout = 0 }.ConnectionString;
        _host = await AlbaHost.For<Program>(b =>
        {
            LedgerApp.Configure(b, _schema);
            b.UseSetting("ConnectionStrings:Hotline", connection);
        });
        _client = LedgerApp.ClientOf(_host);
    }

    private async Task UntilBackendWaitsAtGate()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await Scalar($"select count(*) from pg_locks where locktype = 'advisory' and not granted and objid::bigint = {Gate & 0xffffffff}") == 0)
            await Task.Delay(20, limit.Token);
    }

    /// <summary>The stopped host's backends in the given state, with what each last ran.</summary>
    private async Task<List<string>> Activity(string host, string state)
    {
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"select state || ': ' || left(query, 100) from pg_stat_activity where application_name = $1 and {state}", conn);
        cmd.Parameters.AddWithValue(ApplicationName(host));
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private async Task<(HttpStatusCode? Status, string Text, JsonElement Json)> Send(string url, object body, string key, bool mustSucceed = true)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await _client!.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (mustSucceed) Assert.True(response.IsSuccessStatusCode, text);
            var json = text.StartsWith('{') ? JsonDocument.Parse(text).RootElement : default;
            return (response.StatusCode, text, json);
        }
        catch (Exception e) when (!mustSucceed && e is HttpRequestException or ObjectDisposedException or OperationCanceledException or InvalidOperationException or IOException)
        {
            return (null, e.Message, default);
        }
    }

    private static async Task Execute(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task Sql(string sql)
    {
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await Execute(conn, sql);
    }

    private static async Task<long> Scalar(string sql)
    {
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
