namespace Hotline.Ledger.Notices;

/// <summary>
/// Where a webhook may point (ADR 0097): an absolute http or https URL with no user name or password in
/// it, and in Production a host on the configured allow-list — so that a subscription cannot make the
/// ledger post notices, signed, to an arbitrary address inside or outside the office's network.
/// </summary>
public static class WebhookAddress
{
    /// <summary>Null when the URL may be used; otherwise the rule it breaks (a code of the problem catalogue, worded with the host).</summary>
    public static (string Code, string Host)? Check(string url, bool production, IReadOnlyCollection<string> allowedHosts)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return ("notice.url.absolute", "");
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return ("notice.url.scheme", "");
        if (!string.IsNullOrEmpty(uri.UserInfo)) return ("notice.url.credentials", "");
        if (string.IsNullOrEmpty(uri.Host)) return ("notice.url.host", "");
        if (!string.IsNullOrEmpty(uri.Fragment)) return ("notice.url.fragment", "");
        if (production && !Allowed(uri.IdnHost, allowedHosts)) return ("notice.url.hostNotAllowed", uri.Host);
        return null;
    }

    public static bool Allowed(string host, IEnumerable<string> allowedHosts) =>
        allowedHosts.Any(a => a.StartsWith('.')
            ? host.EndsWith(a, StringComparison.OrdinalIgnoreCase) || host.Equals(a[1..], StringComparison.OrdinalIgnoreCase)
            : host.Equals(a, StringComparison.OrdinalIgnoreCase));

    /// <summary>The URL as shown after creation: its query (a robot's key lives there) is hidden.</summary>
    public static string? Masked(string? url) =>
        url is null ? null : Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Query.Length > 0
            ? uri.GetLeftPart(UriPartial.Path) + "?…"
            : url;
}
