using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MimeKit;

namespace Hotline.Ledger.Tests.Notices;

/// <summary>Notices delivered through the webhook and e-mail channels, once, to real receivers (ADR 0095–0097).</summary>
public class DeliveryTests(NoticeApp app) : NoticeTest(app)
{
    private const string Secret = "a-shared-secret-of-the-office-robot";

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [Fact]
    public async Task A_deduction_produces_exactly_one_signed_webhook_and_one_mail()
    {
        var unit = await App.NewUnit(name: "市城管局");
        await App.Subscribe(new { unitId = unit, kinds = new[] { "entryRecorded" }, channel = "webhook", url = App.Hooks.Url("office"), secret = Secret });
        await App.Subscribe(new { unitId = unit, kinds = new[] { "entryRecorded" }, channel = "email", address = "liaison@example.gov.cn" });

        var entry = await Deduct(unit);
        await NoticeApp.Until(async () => { await Task.Yield(); return App.Hooks.To("office").Count == 1 && App.Smtp.ReceivedEmailCount == 1; }, "the webhook and the mail");
        await App.Settled();

        var hook = Assert.Single(App.Hooks.To("office"));
        // The receiver checks the signature over "timestamp.body" with the shared secret.
        var timestamp = hook.Headers["X-Hotline-Timestamp"];
        var expected = "sha256=" + Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + ".").Concat(hook.Body).ToArray()));
        Assert.Equal(expected, hook.Headers["X-Hotline-Signature"]);
        Assert.Equal(App.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(), timestamp);

        var body = JsonDocument.Parse(hook.Body).RootElement;
        Assert.Equal(hook.Headers["X-Hotline-Notice-Id"], body.GetProperty("id").GetString());
        Assert.Equal("entryRecorded", body.GetProperty("kind").GetString());
        Assert.Equal(unit, body.GetProperty("unitId").GetGuid());
        Assert.Equal("市城管局", body.GetProperty("unitName").GetString());
        Assert.Equal(entry.GetProperty("id").GetGuid(), body.GetProperty("entryId").GetGuid());
        Assert.Equal("D3.2", body.GetProperty("clause").GetString());
        Assert.Equal("虚报办理结果", body.GetProperty("clauseText").GetString());
        Assert.Equal(-10m, body.GetProperty("points").GetDecimal());
        Assert.Contains("扣10分", body.GetProperty("title").GetString());

        var mail = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(App.Smtp.ReceivedEmail[0].Data)));
        Assert.Equal("liaison@example.gov.cn", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains("市城管局", mail.Subject);
        Assert.Contains("扣10分", mail.Subject);
        Assert.Contains("条款：D3.2 虚报办理结果", mail.TextBody);
        Assert.Contains("分值：-10分", mail.TextBody);
        Assert.Equal(body.GetProperty("id").GetString(), mail.Headers["X-Hotline-Notice-Id"]);

        // Settled: nothing more is on its way.
        Assert.Single(App.Hooks.To("office"));
        Assert.Equal(1, App.Smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task A_receiver_failing_three_times_then_succeeding_gets_the_notice_once_more_and_no_more()
    {
        var unit = await App.NewUnit();
        await App.Subscribe(new { unitId = unit, kinds = new[] { "entryRecorded" }, channel = "webhook", url = App.Hooks.Url("flaky"), secret = Secret });
        App.Hooks.FailNext("flaky", 3);

        await Deduct(unit);
        await NoticeApp.Until(async () => { await Task.Yield(); return App.Hooks.To("flaky").Any(r => r.Status == 200); }, "a delivery that succeeds");
        await App.Settled();

        var requests = App.Hooks.To("flaky");
        Assert.Equal([500, 500, 500, 200], requests.Select(r => r.Status));
        // The same notice every time: the receiver keeps the first it accepted by this id.
        Assert.Single(requests.Select(r => r.Headers["X-Hotline-Notice-Id"]).Distinct());
        Assert.Empty((await App.Ok("/api/notices/failed")).EnumerateArray());
    }

    [Fact]
    public async Task A_delivery_failing_every_attempt_is_in_the_failed_list_and_a_retry_delivers_it_once()
    {
        var unit = await App.NewUnit();
        await App.Subscribe(new { unitId = unit, kinds = new[] { "entryRecorded" }, channel = "webhook", url = App.Hooks.Url("down"), secret = Secret });
        App.Hooks.FailNext("down", -1);

        await Deduct(unit);
        await NoticeApp.Until(async () => (await App.Ok("/api/notices/failed")).GetArrayLength() == 1, "the delivery in the failed list");
        var failed = (await App.Ok("/api/notices/failed"))[0];
        Assert.Equal(NoticeApp.ShortRetries.Length + 1, failed.GetProperty("attempts").GetInt32());
        Assert.Equal(NoticeApp.ShortRetries.Length + 1, App.Hooks.To("down").Count);
        Assert.Contains("500", failed.GetProperty("lastError").GetString());
        Assert.Equal("webhook", failed.GetProperty("channel").GetString());

        App.Hooks.Heal("down");
        var retried = await App.Post($"/api/notices/failed/{failed.GetProperty("id").GetGuid()}/retry", new { });
        Assert.Equal(HttpStatusCode.Accepted, retried.Status);
        await NoticeApp.Until(async () => { await Task.Yield(); return App.Hooks.To("down").Any(r => r.Status == 200); }, "the replayed delivery");
        await App.Settled();

        Assert.Single(App.Hooks.To("down"), r => r.Status == 200);
        Assert.Single(App.Hooks.To("down").Select(r => r.Headers["X-Hotline-Notice-Id"]).Distinct());
        Assert.Empty((await App.Ok("/api/notices/failed")).EnumerateArray());

        // A delivery that is not in the failed list cannot be replayed.
        Assert.Equal(HttpStatusCode.Conflict, (await App.Post($"/api/notices/failed/{failed.GetProperty("id").GetGuid()}/retry", new { })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Post($"/api/notices/failed/{Guid.NewGuid()}/retry", new { })).Status);
    }

    [Fact]
    public async Task A_redirect_is_refused_and_never_followed()
    {
        var unit = await App.NewUnit();
        await App.Subscribe(new { unitId = unit, kinds = new[] { "entryRecorded" }, channel = "webhook", url = App.Hooks.Url("redirect/away"), secret = Secret });

        await Deduct(unit);
        await NoticeApp.Until(async () => (await App.Ok("/api/notices/failed")).GetArrayLength() == 1, "the delivery in the failed list");
        Assert.Contains("redirect", (await App.Ok("/api/notices/failed"))[0].GetProperty("lastError").GetString());
        Assert.Empty(App.Hooks.To("landed"));
    }

    [Fact]
    public async Task A_wecom_robot_gets_markdown_and_a_dingtalk_robot_a_signed_address()
    {
        var unit = await App.NewUnit(name: "市住建局");
        await App.Subscribe(new { unitId = unit, kinds = new[] { "entryRecorded" }, channel = "webhook", url = App.Hooks.Url("wecom?key=robot-key"), format = "wecom" });
        await App.Subscribe(new { unitId = unit, kinds = new[] { "entryRecorded" }, channel = "webhook", url = App.Hooks.Url("dingtalk?access_token=t"), format = "dingtalk", secret = "SEC0123456789abcdef" });

        await Deduct(unit);
        await NoticeApp.Until(async () => { await Task.Yield(); return App.Hooks.To("wecom").Count == 1 && App.Hooks.To("dingtalk").Count == 1; }, "both robots");

        var wecom = JsonDocument.Parse(App.Hooks.To("wecom")[0].Body).RootElement;
        Assert.Equal("markdown", wecom.GetProperty("msgtype").GetString());
        Assert.Contains("市住建局", wecom.GetProperty("markdown").GetProperty("content").GetString());
        Assert.Contains("虚报办理结果", wecom.GetProperty("markdown").GetProperty("content").GetString());

        var ding = JsonDocument.Parse(App.Hooks.To("dingtalk")[0].Body).RootElement;
        Assert.Equal("markdown", ding.GetProperty("msgtype").GetString());
        Assert.Contains("扣10分", ding.GetProperty("markdown").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_deduction_repeated_under_its_idempotency_key_is_noticed_once()
    {
        var unit = await App.NewUnit();
        await App.Subscribe(new { unitId = unit, kinds = new[] { "entryRecorded" }, channel = "webhook", url = App.Hooks.Url("keyed"), secret = Secret });
        var body = new { clause = "D3.2", unitId = unit, occurredOn = "2029-12-03", reason = "虚报办理结果" };

        var first = await App.Post("/api/entries", body, idempotencyKey: "notice-keyed-1");
        var again = await App.Post("/api/entries", body, idempotencyKey: "notice-keyed-1");
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(first.Text, again.Text);

        await NoticeApp.Until(async () => { await Task.Yield(); return App.Hooks.To("keyed").Count > 0; }, "the webhook");
        await App.Settled();
        var hook = Assert.Single(App.Hooks.To("keyed"));
        Assert.Equal(first.Json.GetProperty("id").GetGuid(), JsonDocument.Parse(hook.Body).RootElement.GetProperty("entryId").GetGuid());
    }
}
