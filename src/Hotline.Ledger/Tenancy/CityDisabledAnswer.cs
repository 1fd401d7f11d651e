using System.Net;

namespace Hotline.Ledger.Tenancy;

/// <summary>
/// The 403 a user of a disabled city gets (ADR 0185): the problem <c>auth.forbidden.cityDisabled</c> on the API, and
/// on the screens a page saying the same in Chinese, since a browser shows a page and not a problem document.
/// </summary>
public static class CityDisabledAnswer
{
    public const string Code = "auth.forbidden.cityDisabled";

    /// <summary>Where a session is begun or ended: open to a disabled city's user, who must be able to sign out.</summary>
    public static bool IsSessionPath(PathString path) =>
        path.StartsWithSegments("/signin") || path.StartsWithSegments("/signout") || path.StartsWithSegments("/signed-out");

    public static async Task WriteAsync(HttpContext http, string city)
    {
        var screen = !http.Request.Path.StartsWithSegments("/api") && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal);
        if (!screen)
        {
            await Problems.Status(StatusCodes.Status403Forbidden, Code, city).ExecuteAsync(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        http.Response.ContentType = "text/html; charset=utf-8";
        var title = WebUtility.HtmlEncode(ProblemText.Of($"{Code}.title"));
        var detail = WebUtility.HtmlEncode(ProblemText.Of(Code, city));
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>{title}</title>" +
            $"<section class=\"refusal\"><h1>{title}</h1><p>{detail}</p></section></html>",
            http.RequestAborted);
    }
}
