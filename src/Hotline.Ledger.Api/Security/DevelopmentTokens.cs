using System.Security.Claims;
using System.Text;
using Hotline.Ledger.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Ledger.Api.Security;

/// <summary>Tokens signed with the local development key: for `dotnet run -- token` and for the tests.</summary>
public static class DevelopmentTokens
{
    public const string Issuer = "hotline-ledger-development";
    public const string Audience = "hotline-ledger";

    public static SecurityKey Key(string developmentKey) => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(developmentKey));

    public static string Issue(
        string developmentKey, string user, IEnumerable<string> roles, string? unit, DateTimeOffset notBefore, DateTimeOffset expires) =>
        Issue(developmentKey, user, roles, unit, notBefore, expires, city: null);

    /// <summary>A token for a user of <paramref name="city"/> (its code; null: the default city).</summary>
    public static string Issue(
        string developmentKey, string user, IEnumerable<string> roles, string? unit, DateTimeOffset notBefore, DateTimeOffset expires, string? city)
    {
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, user), new(HotlineClaims.Name, user) };
        claims.AddRange(roles.Select(r => new Claim(HotlineClaims.Role, r)));
        if (!string.IsNullOrWhiteSpace(unit)) claims.Add(new Claim(HotlineClaims.Unit, unit));
        if (!string.IsNullOrWhiteSpace(city)) claims.Add(new Claim(HotlineClaims.City, city));

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = notBefore.UtcDateTime,
            IssuedAt = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(Key(developmentKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
