namespace Hotline.Ledger.Notices;

/// <summary>The body a webhook receives: the notice as JSON, or a WeCom or DingTalk group robot's markdown message.</summary>
public static class WebhookFormats
{
    public const string Json = "json";
    public const string WeCom = "wecom";
    public const string DingTalk = "dingtalk";
    public static readonly string[] All = [Json, WeCom, DingTalk];
}
