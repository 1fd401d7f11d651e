using Hotline.Ledger.Evaluation.Exports;
using Hotline.Ledger.Exports;
using Hotline.Ledger.Scoring;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Province;

public static class ProvinceSummaryDownloadEndpoint
{
    public static ProblemDetails Validate(string? format) =>
        format?.Trim().ToLowerInvariant() is null or "" or "csv" or "xlsx"
            ? WolverineContinue.NoProblems
            : Problems.InvalidProblem("format", "table.format.unknown");

    /// <summary>The summary as a table: CSV (the default) or XLSX by <c>?format=</c> or Accept, its rows the JSON's cities.</summary>
    [WolverineGet("/api/province/summary/download", OperationId = "provinceSummaryDownload")]
    [AuditedRead(ReadKind.Export)]
    public static async Task<IResult> Get(ScoreQuery query, string? format, IProvinceCities province, HttpContext http)
    {
        var (chosen, _) = TableExport.Asked(http.Request, format);
        var summary = await ProvinceSummary.Read(province, query, http.RequestAborted);
        var on = summary.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return TableExport.File(http.Request, chosen ?? ExportFormat.Csv, $"province-summary-{summary.Year}-{on}",
            $"{summary.Year}年度各市考评汇总（截至{ChineseDates.Of(summary.AsOf)}）", summary.Columns(), summary.Cities);
    }
}
