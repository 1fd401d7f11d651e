using System.Net;
using System.Text.Json;
using Hotline.Ledger.Notices;
using Hotline.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;
using Npgsql;

namespace Hotline.Ledger.Tests.Notices;

/// <summary>
/// The API on a controllable clock, with a real HTTP receiver and a real SMTP server in the test process.
/// Delivery retries wait 100 ms here (configuration), not the production minutes.
/// </summary>
public class NoticeApp : LedgerApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    public HookReceiver Hooks { get; } = new();
    public SimpleSmtpServer Smtp { get; } = SimpleSmtpServer.Start(HookReceiver.FreePort());

    public static readonly TimeSpan[] ShortRetries = Enumerable.Repeat(TimeSpan.FromMilliseconds(100), 5).ToArray();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.Configure<NoticeOptions>(o => Configure(o, Smtp.Configuration.Port));
    }

    public static void Configure(NoticeOptions o, int smtpPort)
    {
        o.RetryDelays = [.. ShortRetries];
        o.Smtp.Host = "127.0.0.1";
        o.Smtp.Port = smtpPort;
        o.Smtp.Security = "None";
        o.Smtp.From = "hotline@example.gov.cn";
    }

    public new async Task Reset()
    {
        await base.Reset();
        while (Hooks.Requests.TryDequeue(out _)) { }
        Smtp.ClearReceivedEmail();
    }

    /// <summary>
    /// Waits (on a condition, up to three minutes) until no notice or delivery waits in the message store:
    /// every notice raised has been handled and every delivery has succeeded or been given up.
    /// </summary>
    public Task Settled() => Settled(Schema);

    public static Task Settled(string schema) => Until(async () =>
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"select count(*) from \"{schema}\".wolverine_incoming_envelopes where status in ('Incoming', 'Scheduled') " +
            "and (message_type ilike '%NoticeRaised%' or message_type ilike '%DeliverNotice%')", conn);
        return (long)(await cmd.ExecuteScalarAsync())! == 0;
    }, "notices still waiting in the message store");

    /// <summary>
    /// Waits (on a condition, up to three minutes) until <paramref name="done"/> holds. Retries are scheduled messages,
    /// which the durability agent picks up on its polling interval: six attempts can take over a minute on a loaded machine.
    /// </summary>
    public static async Task Until(Func<Task<bool>> done, string what)
    {
        if (!await Eventually.Holds(done, TimeSpan.FromMinutes(3))) throw new TimeoutException($"Waited three minutes for: {what}");
    }

    public async Task<JsonElement> Subscribe(object body, Caller? caller = null)
    {
        var reply = caller is null ? await Post("/api/notice-subscriptions", body) : await caller.Post("/api/notice-subscriptions", body);
        Assert.True(reply.Status == HttpStatusCode.Created, $"subscribing answered {(int)reply.Status}: {reply.Text}");
        return reply.Json;
    }
}

[CollectionDefinition(Name)]
public sealed class NoticeCollection : ICollectionFixture<NoticeApp>
{
    public const string Name = "notices";
}

[Collection(NoticeCollection.Name)]
public abstract class NoticeTest(NoticeApp app) : IAsyncLifetime
{
    protected NoticeApp App { get; } = app;

    public Task InitializeAsync() => App.Reset();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A D3.2 deduction (10 points, the unit's) recorded by the office; answers the entry.</summary>
    protected async Task<JsonElement> Deduct(Guid unitId, string occurredOn = "2029-12-03") =>
        await App.Created("/api/entries", new { clause = "D3.2", unitId, occurredOn, reason = "虚报办理结果：回访核实未办结" });
}
