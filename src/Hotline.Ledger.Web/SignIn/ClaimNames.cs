using System.Security.Claims;
using Hotline.Ledger.Security;
using Microsoft.Extensions.Configuration;

namespace Hotline.Ledger.Web.SignIn;

/// <summary>The claim types of the office's identity provider ("Hotline:Auth": NameClaim, RoleClaim, UnitClaim).</summary>
public sealed record ClaimNames(string Name, string Role, string Unit)
{
    public static ClaimNames From(IConfiguration config) => new(
        config["Hotline:Auth:NameClaim"] ?? HotlineClaims.Name,
        config["Hotline:Auth:RoleClaim"] ?? HotlineClaims.Role,
        config["Hotline:Auth:UnitClaim"] ?? HotlineClaims.Unit);

    public ClaimsPrincipal Normalise(ClaimsPrincipal principal)
    {
        var user = principal.FindFirst(Name)?.Value ?? principal.FindFirst("sub")?.Value ?? "";
        var roles = principal.FindAll(Role).Select(c => c.Value).Where(r => Roles.All.Contains(r)).Distinct();
        return WebAuth.Principal(user, roles, principal.FindFirst(Unit)?.Value, "oidc", principal.FindFirst(HotlineClaims.City)?.Value);
    }
}
