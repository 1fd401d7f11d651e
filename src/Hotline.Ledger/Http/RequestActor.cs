using Microsoft.AspNetCore.Http;

namespace Hotline.Ledger.Http;

/// <summary>
/// The one place that says who is acting on a request. Every event's recordedBy comes from here.
/// </summary>
public static class RequestActor
{
    // Until an identity is configured, requests act as the office's own desk.
    public const string Anonymous = "office";

    /// <summary>The ledger itself, recording what a deadline decided (the automatic D3.1 and D3.3 entries).</summary>
    public const string Ledger = "ledger";

    public static string Of(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;
}
