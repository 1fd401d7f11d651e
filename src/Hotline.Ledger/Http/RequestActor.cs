namespace Hotline.Ledger.Http;

/// <summary>
/// The one place that says who is acting on a request: the authenticated user's name claim
/// (docs/security.md). Every event's recordedBy, and Marten's user name on the event, come from here.
/// </summary>
public static class RequestActor
{
    /// <summary>The actor of background work (scheduled deadlines, the case feed's own rules), never of a request.</summary>
    public const string System = "system";

    /// <summary>The ledger itself, recording what a deadline decided (the automatic D3.1 and D3.3 entries).</summary>
    public const string Ledger = "ledger";

    public static string Of(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? name
            // Unreachable through the API: the access matrix admits no request without a named user.
            // Failing here keeps an event from ever being recorded without one.
            : throw new InvalidOperationException("No authenticated user with a name acts on this request; nothing may be recorded.");
}
