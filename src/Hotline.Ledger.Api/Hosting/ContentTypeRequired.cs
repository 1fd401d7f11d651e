namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// A body without a Content-Type is refused (415) rather than guessed to be JSON: a CSV file or a form
/// sent without its type must not be read as something else.
/// </summary>
public sealed class ContentTypeRequired(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var hasBody = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0;
        if (hasBody && string.IsNullOrWhiteSpace(request.ContentType) && !HttpMethods.IsGet(request.Method))
        {
            await Results.Problem(
                title: "Content-Type required",
                detail: "请求正文必须注明 Content-Type（application/json，或 CSV 导入用 text/csv）。 The request body has no Content-Type: send application/json (text/csv for the CSV case feed).",
                statusCode: StatusCodes.Status415UnsupportedMediaType).ExecuteAsync(http);
            return;
        }

        await next(http);
    }
}
