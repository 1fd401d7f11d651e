using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Hotline.Ledger.Notices;
using Hotline.Ledger.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using Npgsql;

namespace Hotline.Ledger.Tests.Notices;

/// <summary>
/// The host goes down after the deduction and its notice were committed, while the delivery is under way
/// and before the receiver has it; a second host on the same database delivers it, once. This test waits
/// for real time, on conditions.
/// </summary>
// A host stopped and started again takes about a minute: CI and ./test.sh --all run it, a developer's default run does not.
[Trait("Category", "Restarts")]
public class NoticeRestartTests
{
    /// <summary>The first host's courier: it reaches the receiver only after the host is gone.</summary>
    private sealed class StalledSender(WebhookSender webhooks, MailSender mail) : NoticeSender(webhooks, mail)
    {
        public static readonly TaskCompletionSource Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task Send(Notice notice, NoticeSubscription subscription, CancellationToken ct)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }
    }

    private static async Task<IAlbaHost> Start(string schema, int smtpPort, bool stalled) =>
        await AlbaHost.For<Program>(b =>
        {
            LedgerApp.Configure(b, schema);
            b.ConfigureTestServices(services =>
            {
                services.Configure<NoticeOptions>(o => NoticeApp.Configure(o, smtpPort));
                if (stalled) services.AddSingleton<NoticeSender, StalledSender>();
            });
        });

    [Fact]
    public async Task A_notice_committed_before_the_host_went_down_is_delivered_after_the_restart_once()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N")[..12];
        await using var hooks = new HookReceiver();
        using var smtp = SimpleSmtpServer.Start(HookReceiver.FreePort());
        try
        {
            Guid unit;
            await using (var first = await Start(schema, smtp.Configuration.Port, stalled: true))
            {
                var client = LedgerApp.ClientOf(first);
                var registered = await client.PostAsJsonAsync("/api/units", new { code = "NR-1", name = "重启单位" });
                unit = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                var subscribed = await client.PostAsJsonAsync("/api/notice-subscriptions",
                    new { unitId = unit, kinds = new[] { "entryRecorded" }, channel = "webhook", url = hooks.Url("restart"), secret = "restart-test-secret-0123" });
                Assert.Equal(System.Net.HttpStatusCode.Created, subscribed.StatusCode);
                var recorded = await client.PostAsJsonAsync("/api/entries", new { clause = "D3.2", unitId = unit, occurredOn = "2020-03-03", reason = "虚报办理结果" });
                Assert.Equal(System.Net.HttpStatusCode.Created, recorded.StatusCode);

                // The delivery has begun and the receiver has nothing: the host goes down now.
                await StalledSender.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }

            Assert.Empty(hooks.Requests);

            await using var second = await Start(schema, smtp.Configuration.Port, stalled: false);
            await NoticeApp.Until(async () => { await Task.Yield(); return hooks.To("restart").Count > 0; }, "the delivery after the restart");
            await NoticeApp.Settled(schema);

            var delivered = Assert.Single(hooks.To("restart"));
            Assert.Equal(200, delivered.Status);
            Assert.Equal("entryRecorded", JsonDocument.Parse(delivered.Body).RootElement.GetProperty("kind").GetString());
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
