using Hotline.Ledger.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Hotline.Ledger.Province;

public static class ProvinceSummaryEndpoint
{
    public static ProblemDetails Validate(string? year, string? asOf, string? knownAt, TimeProvider clock) =>
        ProvinceChecks.Query(year, asOf, knownAt, clock);

    /// <summary>Every city at (asOf, knownAt): units, cases, completion and reply rates, and its units' grades.</summary>
    [WolverineGet("/api/province/summary", OperationId = "provinceSummary")]
    public static async Task<ProvinceSummary> Get(string? year, string? asOf, string? knownAt, TimeProvider clock,
        IProvinceCities province, ReadAudit audit, HttpContext http)
    {
        // Every unit of every city is scored: recorded without a subject, as the ranking is.
        await audit.RecordAsync(http, ReadKind.ScoreReplay, cancellation: http.RequestAborted);
        return await ProvinceSummary.Read(province, ProvinceChecks.Parsed(year, asOf, knownAt, clock), http.RequestAborted);
    }
}
