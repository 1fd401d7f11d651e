using Hotline.Ledger.Entries;
using Hotline.Ledger.Http;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Registry;
using Hotline.Ledger.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;

namespace Hotline.Ledger.Api.Security;

/// <summary>The one authorisation policy of the API: the caller's roles against the route's row of <see cref="AccessMatrix"/>.</summary>
public sealed class AccessMatrixRequirement : IAuthorizationRequirement
{
    public const string Policy = "access-matrix";
    public static readonly AccessMatrixRequirement Instance = new();
}

public sealed class AccessMatrixHandler : AuthorizationHandler<AccessMatrixRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessMatrixRequirement requirement)
    {
        // Unauthenticated callers are challenged (401) by the policy's RequireAuthenticatedUser.
        if (context.Resource is not HttpContext http || context.User.Identity is not { IsAuthenticated: true } identity) return;

        if (string.IsNullOrEmpty(identity.Name))
        {
            Fail(context, new("auth.forbidden.noUser"));
            return;
        }

        // No route matched: the answer will be a 404, which tells an authenticated caller nothing.
        if (http.GetEndpoint() is not RouteEndpoint endpoint)
        {
            context.Succeed(requirement);
            return;
        }

        var method = http.Request.Method;
        var rule = AccessMatrix.Find(method, endpoint.RoutePattern.RawText ?? "");
        if (rule is null)
        {
            Fail(context, new("auth.forbidden.noRow", method, endpoint.RoutePattern.RawText));
            return;
        }

        var held = rule.Roles.Where(context.User.IsInRole).ToList();
        if (held.Count == 0)
        {
            Fail(context, new("auth.forbidden.role", rule.Method, rule.Route, string.Join(", ", rule.Roles)));
            return;
        }

        if (held.Any(r => r != Roles.Liaison) || await LiaisonMayPass(http, endpoint, rule, context))
            context.Succeed(requirement);
    }

    private async Task<bool> LiaisonMayPass(HttpContext http, RouteEndpoint endpoint, AccessRule rule, AuthorizationHandlerContext context)
    {
        var session = http.RequestServices.GetRequiredService<IQuerySession>();
        var scope = await LiaisonScope.Of(http, session);
        if (scope.UnitId is null)
        {
            Fail(context, LiaisonScope.Reason(scope));
            return false;
        }

        var cancel = http.RequestAborted;
        var allowed = rule.Liaison switch
        {
            LiaisonScoping.Unscoped or LiaisonScoping.Endpoint => true,
            LiaisonScoping.UnitInPath => PathId(http, endpoint) is { } unit && scope.Sees(unit),
            LiaisonScoping.PersonInPath => PathId(http, endpoint) is { } person && await LiaisonScope.SeesPerson(scope, session, person, cancel),
            LiaisonScoping.EntryInPath => PathId(http, endpoint) is { } entry && await EntryScope.SeesEntry(scope, session, entry, cancel),
            LiaisonScoping.MarkInPath => PathId(http, endpoint) is { } mark && await MarkScope.SeesMark(scope, session, mark, cancel),
            LiaisonScoping.Query => await QueryIsTheirs(http, scope, session),
            _ => false,
        };
        if (!allowed) Fail(context, LiaisonScope.Reason(scope));
        return allowed;
    }

    private static Guid? PathId(HttpContext http, RouteEndpoint endpoint) =>
        endpoint.RoutePattern.Parameters.Count > 0
        && Guid.TryParse(http.Request.RouteValues[endpoint.RoutePattern.Parameters[0].Name]?.ToString(), out var id)
            ? id
            : null;

    // A list may be asked for one unit or person; it must be the liaison's own. Unfiltered lists are
    // filtered by the endpoint (LiaisonScope.Of).
    private static async Task<bool> QueryIsTheirs(HttpContext http, UnitScope scope, IQuerySession session)
    {
        var query = http.Request.Query;
        if (query.TryGetValue("unitId", out var unit) && !(Guid.TryParse(unit, out var unitId) && scope.Sees(unitId))) return false;
        if (query.TryGetValue("personId", out var person)
            && !(Guid.TryParse(person, out var personId) && await LiaisonScope.SeesPerson(scope, session, personId, http.RequestAborted)))
            return false;
        return true;
    }

    private void Fail(AuthorizationHandlerContext context, Refusal reason) =>
        context.Fail(new CodedFailureReason(this, reason));
}

/// <summary>Why the access matrix refused, worded in the request's language, with the rule's code for the 403 problem.</summary>
public sealed class CodedFailureReason(IAuthorizationHandler handler, Refusal refusal) : AuthorizationFailureReason(handler, refusal.Text)
{
    public Refusal Refusal { get; } = refusal;
}
