using Hotline.Ledger.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hotline.Ledger.Web.SignIn;

/// <summary>Signing out everywhere; signing in by URL for scripts, in Development only.</summary>
public static class SignInEndpoints
{
    public static void Map(WebApplication app)
    {
        // Antiforgery checked by hand: a minimal endpoint, posted by the layout's form.
        app.MapPost("/signout", async (HttpContext http, IAntiforgery antiforgery, IOptions<WebSettings> settings) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest("表单已过期，请刷新页面后重试。");
            await http.SignOutAsync(WebAuth.CookieScheme);
            if (settings.Value.HasOpenIdConnect && http.User.Identity?.AuthenticationType == "oidc")
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [WebAuth.OidcScheme]);
            return Results.Redirect("/signed-out");
        }).RequireAuthorization(WebAuth.Policy).DisableAntiforgery().WithMetadata(ScreenEndpoint.Instance);

        app.MapGet("/signed-out", () => Results.Content(SignedOutPage, "text/html; charset=utf-8")).AllowAnonymous().WithMetadata(ScreenEndpoint.Instance);

        if (!app.Environment.IsDevelopment()) return;

        // The same claims as the token command: user, role(s), a liaison's unit code, and the city (none: the default city).
        app.MapGet("/signin/dev", async (HttpContext http, string? user, string? role, string? unit, string? city, string? returnUrl) =>
        {
            var roles = (role ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (string.IsNullOrWhiteSpace(user) || roles.Length == 0 || roles.Any(r => !Roles.All.Contains(r)))
                return Results.Problem(statusCode: 400, title: "用户与角色不完整",
                    detail: $"需要 user 与 role（{string.Join("、", Roles.All)}，可用逗号分隔多个）。");
            if (roles.Contains(Roles.Liaison) && string.IsNullOrWhiteSpace(unit))
                return Results.Problem(statusCode: 400, title: "联络员需要单位", detail: "role=liaison 时须给出 unit（单位代码）。");
            await WebAuth.SignIn(http, WebAuth.Principal(user.Trim(), roles, unit?.Trim(), "development", city?.Trim()));
            return Results.Redirect(LocalOrRoot(returnUrl));
        }).AllowAnonymous().WithMetadata(ScreenEndpoint.Instance);
    }

    public static string LocalOrRoot(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";

    private const string SignedOutPage = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>已退出 · 考评台账</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"></head>
        <body style="font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;padding:3rem;text-align:center">
        <h1>您已安全退出</h1><p><a href="/">重新登录</a></p></body></html>
        """;
}
