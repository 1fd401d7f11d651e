using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hotline.Ledger.Notices;

/// <summary>
/// POSTs a notice to a webhook (ADR 0097): the body signed with HMAC-SHA256 under the subscription's secret
/// over "timestamp.body", so that a receiver can check it came from the ledger and refuse a replayed one;
/// the notice id in a header, for the receiver to drop a repeated delivery. Redirects are refused: the
/// signed body goes to the address that was checked, or nowhere.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<NoticeOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    public const string ClientName = "hotline-notices";
    public const string SignatureHeader = "X-Hotline-Signature";
    public const string TimestampHeader = "X-Hotline-Timestamp";
    public const string NoticeIdHeader = "X-Hotline-Notice-Id";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Chinese as Chinese: the robots and people read the body.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task Send(Notice notice, NoticeSubscription subscription, CancellationToken ct)
    {
        // Checked again at delivery: the allow-list may have changed since the subscription was made.
        if (WebhookAddress.Check(subscription.Url ?? "", environment.IsProduction(), options.Value.AllowedHosts) is { } refusal)
            throw new InvalidOperationException(Http.ProblemText.Of(refusal.Code, refusal.Host));

        var body = Body(notice, subscription.Format);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var url = subscription.Format == WebhookFormats.DingTalk && subscription.Secret is { } key ? DingTalkSigned(subscription.Url!, key, clock) : subscription.Url!;

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(NoticeIdHeader, notice.Id.ToString());
        request.Headers.Add(TimestampHeader, timestamp);
        if (subscription.Secret is { } secret) request.Headers.Add(SignatureHeader, "sha256=" + Signature(secret, timestamp, body));

        var client = clients.CreateClient(ClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.WebhookTimeout);
        using var response = await client.SendAsync(request, timeout.Token);
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400) throw new HttpRequestException($"The receiver answered {status} (a redirect, refused).");
        if (status is < 200 or >= 300) throw new HttpRequestException($"The receiver answered {status}.");

        // The robots answer 200 with an error code in the body when they refuse a message.
        if (subscription.Format is WebhookFormats.WeCom or WebhookFormats.DingTalk)
        {
            var answer = await response.Content.ReadAsStringAsync(timeout.Token);
            if (RobotError(answer) is { } error) throw new HttpRequestException($"The robot refused the message: {error}");
        }
    }

    /// <summary>Hex of HMAC-SHA256(secret, "{timestamp}.{body}").</summary>
    public static string Signature(string secret, string timestamp, byte[] body)
    {
        var material = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), material));
    }

    public static byte[] Body(Notice notice, string format) => format switch
    {
        WebhookFormats.WeCom => JsonSerializer.SerializeToUtf8Bytes(new { msgtype = "markdown", markdown = new { content = Markdown(notice) } }, Json),
        WebhookFormats.DingTalk => JsonSerializer.SerializeToUtf8Bytes(new { msgtype = "markdown", markdown = new { title = notice.Title, text = Markdown(notice) } }, Json),
        _ => JsonSerializer.SerializeToUtf8Bytes(NoticeView.Of(notice), Json),
    };

    private static string Markdown(Notice notice) =>
        $"### {notice.Title}\n" + string.Join("\n", notice.Text.Split('\n').Select(line => "> " + line));

    /// <summary>A DingTalk robot with 加签 checks timestamp and sign in the query: Base64(HMAC-SHA256(secret, "{ms}\n{secret}")).</summary>
    private static string DingTalkSigned(string url, string secret, TimeProvider clock)
    {
        var ms = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var sign = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{ms}\n{secret}")));
        return url + (url.Contains('?') ? "&" : "?") + $"timestamp={ms}&sign={Uri.EscapeDataString(sign)}";
    }

    private static string? RobotError(string answer)
    {
        try
        {
            using var doc = JsonDocument.Parse(answer);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("errcode", out var code)
                && code.ValueKind == JsonValueKind.Number && code.GetInt32() != 0)
                return $"{code.GetInt32()} {(doc.RootElement.TryGetProperty("errmsg", out var msg) ? msg.ToString() : "")}";
        }
        catch (JsonException)
        {
            // Not JSON: a plain 2xx is taken as accepted.
        }

        return null;
    }
}
