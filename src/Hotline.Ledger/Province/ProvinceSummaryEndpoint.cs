using Hotline.Ledger.Scoring;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Province;

public static class ProvinceSummaryEndpoint
{
    /// <summary>
    /// Every city at (asOf, knownAt): units, cases, completion and reply rates, and its units' grades. Every unit of every
    /// city is scored, so the read is on file without a subject, as the ranking's is.
    /// </summary>
    [WolverineGet("/api/province/summary", OperationId = "provinceSummary")]
    [AuditedRead(ReadKind.ScoreReplay)]
    public static Task<ProvinceSummary> Get(ScoreQuery query, IProvinceCities province, CancellationToken cancellation) =>
        ProvinceSummary.Read(province, query, cancellation);
}
