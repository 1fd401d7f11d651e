namespace Hotline.Ledger.Http;

/// <summary>
/// Puts the request's user and correlation id on the session before the endpoint appends anything:
/// Marten copies them onto each event as it is appended (user_name, correlation_id), so they must be
/// on the session first. Called by generated endpoint code (see RequestStampPolicy).
/// </summary>
public static class RequestStamp
{
    public static void Apply(HttpContext http, IDocumentSession session)
    {
        if (http.User.Identity is not { IsAuthenticated: true }) return;
        session.LastModifiedBy = RequestActor.Of(http);
        session.CorrelationId = RequestCorrelation.Of(http);
    }
}
