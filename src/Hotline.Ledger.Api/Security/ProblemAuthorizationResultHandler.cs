using Hotline.Ledger.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Hotline.Ledger.Web.SignIn;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Ledger.Api.Security;

/// <summary>
/// 401 and 403 are answered as problem details like every other refusal, and say why: a 403 names the
/// roles the route is open to, or why a liaison may not see this unit.
/// </summary>
public sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    public const string FailureKey = "hotline.authentication-failure";
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        // The screens' session is a cookie: an anonymous visitor is sent to sign in, not answered in JSON.
        if (policy.AuthenticationSchemes.Contains(WebAuth.CookieScheme))
        {
            await _default.HandleAsync(next, http, policy, result);
        }
        else if (result.Challenged)
        {
            await http.ChallengeAsync();
            await Write(http, StatusCodes.Status401Unauthorized, WhyUnauthenticated(http));
        }
        else if (result.Forbidden)
        {
            await http.ForbidAsync();
            var reason = result.AuthorizationFailure?.FailureReasons.OfType<CodedFailureReason>().FirstOrDefault()?.Refusal;
            await Write(http, StatusCodes.Status403Forbidden, reason ?? new Refusal("auth.forbidden"));
        }
        else
        {
            await _default.HandleAsync(next, http, policy, result);
        }
    }

    private static Refusal WhyUnauthenticated(HttpContext http)
    {
        var failure = http.Items.TryGetValue(FailureKey, out var item) ? item as Exception : null;
        return failure switch
        {
            null => new("auth.unauthenticated.noToken"),
            RefusedClaimException refused => new("auth.unauthenticated.claim", refused.Claim, refused.Fault),
            SecurityTokenExpiredException => new("auth.unauthenticated.expired"),
            SecurityTokenNotYetValidException => new("auth.unauthenticated.notYetValid"),
            _ => new("auth.unauthenticated.refused"),
        };
    }

    private async Task Write(HttpContext http, int status, Refusal why)
    {
        if (http.Response.HasStarted) return;
        http.Response.StatusCode = status;
        var problem = Problems.StatusProblem(status, why.Code, why.Args);
        // A caller that accepts only CSV (an export) is refused in problem JSON all the same, never with a 500.
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }))
            await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
