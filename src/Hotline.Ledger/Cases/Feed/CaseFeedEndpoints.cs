namespace Hotline.Ledger.Cases.Feed;

public static class CaseFeedEndpoints
{
    /// <summary>A batch of up to 10,000 platform rows; bad rows are reported by index and the good ones kept.</summary>
    [WolverinePost("/api/cases/events", OperationId = "ingestCaseEvents")]
    public static Task<CaseFeedAnswer> Json(CaseEventBatch batch, CaseFeed feed, HttpContext http) =>
        feed.Ingest(batch.Events!, RequestActor.Of(http), http.RequestAborted);
}
