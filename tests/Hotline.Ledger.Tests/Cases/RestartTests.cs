using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Wolverine.Tracking;

namespace Hotline.Ledger.Tests.Cases;

/// <summary>
/// A restart between scheduling and deadline: the first host schedules the judgement and stops; a second
/// host on the same database finds it in the durable message store and, when Wolverine's scheduler (which
/// runs on the real clock) fires it, records the D3.1 once. This test waits for real seconds, on a condition.
/// </summary>
// A host stopped and started again takes about a minute: CI and ./test.sh --all run it, a developer's default run does not.
[Trait("Category", "Restarts")]
public class RestartTests
{
    private static async Task<IAlbaHost> Start(string schema, FakeTimeProvider clock) =>
        await AlbaHost.For<Program>(b =>
        {
            LedgerApp.Configure(b, schema);
            b.UseSetting("Hotline:Deadlines:FeedGrace", "00:00:00");
            b.UseSetting("Hotline:Deadlines:Coalesce", "00:00:01");
            b.UseSetting("Logging:LogLevel:Default", "Critical");
            b.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });

    private static async Task<long> Scalar(string sql)
    {
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    private static async Task<List<JsonElement>> D31(IAlbaHost host, Guid unit) =>
        (await LedgerApp.ClientOf(host).GetFromJsonAsync<List<JsonElement>>($"/api/evidence?unitId={unit}&clause=D3.1"))!;

    [Fact]
    public async Task A_deadline_scheduled_before_a_restart_is_judged_once_after_it()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            Guid unit;
            DateTimeOffset due;
            await using (var first = await Start(schema, clock))
            {
                clock.SetUtcNow(DateTimeOffset.UtcNow);
                var client = LedgerApp.ClientOf(first);
                var registered = await client.PostAsJsonAsync("/api/units", new { code = "RESTART", name = "重启单位" });
                unit = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

                var now = clock.GetUtcNow();
                due = now.AddSeconds(30); // far enough that this host stops (even on a heavily loaded machine) before it is due
                var fed = await client.PostAsJsonAsync("/api/cases/events", new
                {
                    events = new[] { new { eventId = "R-1", caseNumber = "RESTART-1", type = "assigned", at = now.AddMinutes(-1), unitId = unit, replyDueAt = due } },
                });
                Assert.Equal(1, (await fed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
            }

            // Between the hosts, the judgement waits in the message store, scheduled for the deadline.
            var scheduled = await Scalar(
                $"select count(*) from \"{schema}\".wolverine_incoming_envelopes where status = 'Scheduled' " +
                $"and execution_time between '{due.AddSeconds(-1):O}'::timestamptz and '{due.AddSeconds(2):O}'::timestamptz");
            Assert.Equal(1, scheduled);

            var later = new FakeTimeProvider(due.AddDays(1));
            await using var second = await Start(schema, later);
            var watch = Stopwatch.StartNew();
            while ((await D31(second, unit)).Count == 0 && watch.Elapsed < TimeSpan.FromSeconds(90))
                await Task.Delay(TimeSpan.FromMilliseconds(250));

            var entry = Assert.Single(await D31(second, unit));
            Assert.True(entry.GetProperty("automatic").GetBoolean());
            Assert.Equal("RESTART-1", entry.GetProperty("caseNumber").GetString());

            // A duplicate firing after the restart records nothing more.
            await second.InvokeMessageAndWaitAsync(new JudgeDueDeadlines());
            Assert.Single(await D31(second, unit));
        }
        finally
        {
            await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop schema if exists \"{schema}\" cascade", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
