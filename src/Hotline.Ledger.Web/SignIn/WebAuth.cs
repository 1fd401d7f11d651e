using System.Security.Claims;
using Hotline.Ledger.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Hotline.Ledger.Web.SignIn;

/// <summary>
/// The screens' session: a cookie, opened by the office's identity provider (OpenID Connect) or, in
/// Development only, by the sign-in page. The cookie authenticates the screens alone; what the screens
/// do goes to the API with a bearer token minted for the same user (<see cref="SessionTokens"/>).
/// </summary>
public static class WebAuth
{
    public const string CookieScheme = "hotline-web";
    public const string OidcScheme = "hotline-oidc";
    public const string Policy = "hotline-web";
    public const string CookieName = "hotline.session";

    public static void Add(WebApplicationBuilder builder, WebSettings settings)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        var claims = ClaimNames.From(builder.Configuration);
        var auth = builder.Services.AddAuthentication();
        auth.AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(settings.SessionMinutes);
            o.Events.OnRedirectToLogin = SessionEnded;
            o.SlidingExpiration = true;
            o.LoginPath = isDevelopment ? "/signin" : "/signin/unavailable";
            o.AccessDeniedPath = "/denied";
            if (settings.HasOpenIdConnect) o.ForwardChallenge = OidcScheme;
        });

        if (settings.HasOpenIdConnect)
        {
            auth.AddOpenIdConnect(OidcScheme, o =>
            {
                o.Authority = settings.Authority;
                o.ClientId = settings.ClientId;
                o.ClientSecret = settings.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.SignInScheme = CookieScheme;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.SaveTokens = false;
                o.RequireHttpsMetadata = !isDevelopment;
                foreach (var scope in settings.Scopes) o.Scope.Add(scope);
                o.TokenValidationParameters.NameClaimType = claims.Name;
                o.TokenValidationParameters.RoleClaimType = claims.Role;
                o.Events.OnTicketReceived = context =>
                {
                    // The session carries the ledger's own claim names, whatever the provider calls them.
                    if (context.Principal is { } principal) context.Principal = claims.Normalise(principal);
                    return Task.CompletedTask;
                };
            });
        }

        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(CookieScheme)
            .RequireAuthenticatedUser());
    }

    /// <summary>The marker on the sign-in address when a session has run out.</summary>
    public const string ExpiredMarker = "expired";

    /// <summary>
    /// A request without a valid session. One that still carries the session cookie had a session, which has run
    /// out (or ended elsewhere): the sign-in page says so. The page's own background requests (the entry form's
    /// preview and suggestions) get a 401 rather than a sign-in page they could not show.
    /// </summary>
    private static Task SessionEnded(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        var expired = context.Request.Cookies.ContainsKey(CookieName);
        if (context.Request.Headers["X-Requested-With"] == "fetch")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            if (expired) context.Response.Headers["X-Session"] = ExpiredMarker;
            return Task.CompletedTask;
        }

        context.Response.Redirect(expired ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(context.RedirectUri, ExpiredMarker, "true") : context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>A session principal with the ledger's claim types (name, role, unit, city).</summary>
    public static ClaimsPrincipal Principal(string user, IEnumerable<string> roles, string? unit, string method, string? city = null)
    {
        var claims = new List<Claim> { new(HotlineClaims.Name, user), new("sub", user) };
        claims.AddRange(roles.Select(r => new Claim(HotlineClaims.Role, r)));
        if (!string.IsNullOrWhiteSpace(unit)) claims.Add(new Claim(HotlineClaims.Unit, unit));
        // The session's city: every API call the screens make for this user reaches this city alone (ADR 0110).
        if (!string.IsNullOrWhiteSpace(city)) claims.Add(new Claim(HotlineClaims.City, city));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, method, HotlineClaims.Name, HotlineClaims.Role));
    }

    public static Task SignIn(HttpContext http, ClaimsPrincipal principal) =>
        http.SignInAsync(CookieScheme, principal, new AuthenticationProperties { IsPersistent = false });
}
