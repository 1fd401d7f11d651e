using System.Globalization;
using Hotline.Ledger.Http;
using Microsoft.Net.Http.Headers;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// Answers in the caller's language: <c>Accept-Language</c> picks Chinese (<c>zh-CN</c>, the default) or English
/// (<c>en</c>) for every message the API writes (<see cref="ProblemText"/>, FluentValidation's wording). Only the UI
/// culture changes: numbers and dates are written the same way for everyone.
/// </summary>
public sealed class RequestLanguage(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var accepted = StringWithQualityHeaderValue.TryParseList(http.Request.Headers.AcceptLanguage, out var values)
            ? values.Select(v => (v.Value.Value ?? "", v.Quality ?? 1.0))
            : [];
        var culture = ProblemLanguage.Choose(accepted);
        CultureInfo.CurrentUICulture = culture;
        http.Response.Headers.ContentLanguage = culture.Name;
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        return next(http);
    }
}
