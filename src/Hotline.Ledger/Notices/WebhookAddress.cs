namespace Hotline.Ledger.Notices;

/// <summary>
/// Where a webhook may point (ADR 0097): an absolute http or https URL with no user name or password in
/// it, and in Production a host on the configured allow-list — so that a subscription cannot make the
/// ledger post notices, signed, to an arbitrary address inside or outside the office's network.
/// </summary>
public static class WebhookAddress
{
    /// <summary>Null when the URL may be used; otherwise why not.</summary>
    public static string? Check(string url, bool production, IReadOnlyCollection<string> allowedHosts)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return "'url' must be an absolute URL.";
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return "'url' must be http or https.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "'url' may not carry a user name or password.";
        if (string.IsNullOrEmpty(uri.Host)) return "'url' must name a host.";
        if (!string.IsNullOrEmpty(uri.Fragment)) return "'url' may not have a fragment.";
        if (production && !Allowed(uri.IdnHost, allowedHosts))
            return $"'url' host '{uri.Host}' is not on the allow-list (Hotline:Notices:AllowedHosts).";
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
