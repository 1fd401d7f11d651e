using Hotline.Ledger.Http;
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
            await Problems.Status(StatusCodes.Status415UnsupportedMediaType, "request.contentType.required").ExecuteAsync(http);
            return;
        }

        await next(http);
    }
}
