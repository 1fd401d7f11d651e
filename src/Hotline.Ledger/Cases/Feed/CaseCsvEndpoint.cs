using System.Text;

namespace Hotline.Ledger.Cases.Feed;

public static class CaseCsvEndpoint
{
    /// <summary>
    /// The body read as the feed's CSV, or the 400 that refuses the whole request: not UTF-8, a bad header, no rows,
    /// too many, or a control character (the JSON route's text rule, naming the row's field and line).
    /// </summary>
    public static async Task<(IReadOnlyList<CsvRow>? Rows, ProblemDetails Problem)> LoadAsync(HttpRequest request, CancellationToken cancellation)
    {
        using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        string text;
        try
        {
            text = await reader.ReadToEndAsync(cancellation);
        }
        catch (DecoderFallbackException)
        {
            return (null, Problems.InvalidProblem("body", "caseFeed.csv.notUtf8"));
        }

        var (rows, headerFault) = CaseCsv.Read(text);
        if (headerFault is not null) return (null, Problems.InvalidProblem("header", headerFault.Code, headerFault.Args));
        if (rows.Count == 0) return (null, Problems.InvalidProblem("body", "caseFeed.csv.noRows"));
        if (rows.Count > CaseFeed.MaxRows)
            return (null, Problems.InvalidProblem("body", "caseFeed.csv.tooManyRows", CaseFeed.MaxRows.ToString("N0", CultureInfo.InvariantCulture)));
        if (CaseCsv.ControlCharacters(rows) is { } refused) return (null, Problems.InvalidProblem(refused));
        return (rows, WolverineContinue.NoProblems);
    }

    /// <summary>The same rows as the JSON route, as CSV (UTF-8, a header row); bad rows are reported by index and line.</summary>
    [WolverinePost("/api/cases/events.csv", OperationId = "importCaseEventsCsv")]
    public static Task<CaseFeedAnswer> Csv([NotBody] IReadOnlyList<CsvRow> rows, CaseFeed feed, HttpContext http) =>
        feed.Ingest(rows.Select((r, i) => (i, r.Row, (int?)r.Line, r.Fault)).ToList(), RequestActor.Of(http), http.RequestAborted);
}
