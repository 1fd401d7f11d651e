using System.Globalization;
using System.Text;
using Hotline.Ledger.Http;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Cases.Feed;

public static class CaseFeedEndpoints
{
    /// <summary>A batch of up to 10,000 platform rows; bad rows are reported by index and the good ones kept.</summary>
    [WolverinePost("/api/cases/events", OperationId = "ingestCaseEvents")]
    public static async Task<IResult> Json(CaseEventBatch batch, CaseFeed feed, HttpContext http) =>
        Results.Ok(await feed.Ingest(batch.Events!, RequestActor.Of(http), http.RequestAborted));

    /// <summary>The same rows as CSV (UTF-8, a header row); bad rows are reported by index and line.</summary>
    [WolverinePost("/api/cases/events.csv", OperationId = "importCaseEventsCsv")]
    public static async Task<IResult> Csv(HttpRequest request, CaseFeed feed, HttpContext http)
    {
        using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        string text;
        try
        {
            text = await reader.ReadToEndAsync(http.RequestAborted);
        }
        catch (DecoderFallbackException)
        {
            return Problems.Invalid("body", "caseFeed.csv.notUtf8");
        }

        var (rows, headerFault) = CaseCsv.Read(text);
        if (headerFault is not null) return Problems.Invalid("header", headerFault.Code, headerFault.Args);
        if (rows.Count == 0) return Problems.Invalid("body", "caseFeed.csv.noRows");
        if (rows.Count > CaseFeed.MaxRows) return Problems.Invalid("body", "caseFeed.csv.tooManyRows", CaseFeed.MaxRows.ToString("N0", CultureInfo.InvariantCulture));
        // The text rules of the JSON route: a control character refuses the request, naming the row's field and line.
        if (CaseCsv.ControlCharacters(rows) is { } refused) return Problems.Invalid(refused);

        var answer = await feed.Ingest(rows.Select((r, i) => (i, r.Row, (int?)r.Line, r.Fault)).ToList(), RequestActor.Of(http), http.RequestAborted);
        return Results.Ok(answer);
    }
}
