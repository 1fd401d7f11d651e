using System.Globalization;
using Hotline.Ledger.Evaluation.Exports;
using Hotline.Ledger.Exports;
using Hotline.Ledger.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Hotline.Ledger.Province;

public static class ProvinceSummaryDownloadEndpoint
{
    public static ProblemDetails Validate(string? year, string? asOf, string? knownAt, string? format, TimeProvider clock) =>
        ProvinceChecks.First(
            format?.Trim().ToLowerInvariant() is null or "" or "csv" or "xlsx"
                ? WolverineContinue.NoProblems
                : Http.Problems.Validation([Http.FieldRule.Of("format", "table.format.unknown")]),
            ProvinceChecks.Query(year, asOf, knownAt, clock));

    /// <summary>The summary as a table: CSV (the default) or XLSX by <c>?format=</c> or Accept, its rows the JSON's cities.</summary>
    [WolverineGet("/api/province/summary/download", OperationId = "provinceSummaryDownload")]
    public static async Task<IResult> Get(string? year, string? asOf, string? knownAt, string? format, TimeProvider clock,
        IProvinceCities province, ReadAudit audit, HttpContext http)
    {
        var (chosen, _) = TableExport.Asked(http.Request, format);
        await audit.RecordAsync(http, ReadKind.Export, cancellation: http.RequestAborted);
        var summary = await ProvinceSummary.Read(province, ProvinceChecks.Parsed(year, asOf, knownAt, clock), http.RequestAborted);
        var on = summary.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return TableExport.File(http.Request, chosen ?? ExportFormat.Csv, $"province-summary-{summary.Year}-{on}",
            $"{summary.Year}年度各市考评汇总（截至{ChineseDates.Of(summary.AsOf)}）", summary.Columns(), summary.Cities);
    }
}
