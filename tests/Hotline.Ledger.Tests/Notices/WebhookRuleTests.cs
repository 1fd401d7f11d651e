using System.Security.Cryptography;
using System.Text;
using Hotline.Ledger.Notices;

namespace Hotline.Ledger.Tests.Notices;

/// <summary>Where a webhook may point and how its body is signed, without a host (ADR 0097).</summary>
[Trait("Category", "Domain")]
public class WebhookRuleTests
{
    [Fact]
    public void In_production_a_webhook_host_must_be_on_the_allow_list()
    {
        string[] allowed = ["qyapi.weixin.qq.com", ".oapi.dingtalk.com"];
        Assert.Null(WebhookAddress.Check("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", production: true, allowed));
        Assert.Null(WebhookAddress.Check("https://oapi.dingtalk.com/robot/send?access_token=t", production: true, allowed));
        Assert.NotNull(WebhookAddress.Check("https://evil.example.com/hook", production: true, allowed));
        Assert.NotNull(WebhookAddress.Check("https://qyapi.weixin.qq.com.evil.example.com/hook", production: true, allowed));
        Assert.NotNull(WebhookAddress.Check("http://169.254.169.254/latest/meta-data", production: true, allowed));
        Assert.NotNull(WebhookAddress.Check("http://user:pw@qyapi.weixin.qq.com/", production: true, allowed));
        Assert.NotNull(WebhookAddress.Check("file:///etc/passwd", production: false, allowed));
        Assert.Null(WebhookAddress.Check("http://127.0.0.1:5000/hook", production: false, allowed));
    }

    [Fact]
    public void A_listed_webhook_url_hides_its_query()
    {
        Assert.Equal("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?…", WebhookAddress.Masked("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET"));
        Assert.Equal("https://example.gov.cn/hook", WebhookAddress.Masked("https://example.gov.cn/hook"));
    }

    [Fact]
    public void The_signature_covers_the_timestamp_so_a_replay_with_a_new_timestamp_does_not_verify()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":\"n\"}");
        var signature = WebhookSender.Signature("secret-0123456789", "1700000000", body);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("secret-0123456789"), Encoding.UTF8.GetBytes("1700000000.{\"id\":\"n\"}"))), signature);
        Assert.NotEqual(signature, WebhookSender.Signature("secret-0123456789", "1700000300", body));
    }
}
