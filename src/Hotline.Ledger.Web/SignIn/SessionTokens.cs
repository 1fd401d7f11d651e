using System.Security.Claims;
using System.Security.Cryptography;
using Hotline.Ledger.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Ledger.Web.SignIn;

/// <summary>
/// Bearer tokens the screens send to the API for the signed-in user: the same name, roles, unit and city as
/// the session, valid for minutes. The key is made when the process starts and never leaves it, so only
/// this process can mint them; the API's bearer scheme trusts it beside the identity provider's, and
/// every rule of the API (access matrix, liaison scope, read audit, hash chain) applies unchanged.
/// </summary>
public sealed class SessionTokens(TimeProvider clock, IConfiguration config)
{
    public const string Issuer = "hotline-ledger-web";
    public const string Audience = "hotline-ledger-web";

    private readonly ClaimNames _claims = ClaimNames.From(config);

    public SecurityKey Key { get; } = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));

    public string For(ClaimsPrincipal user)
    {
        var name = user.FindFirst(HotlineClaims.Name)?.Value ?? "";
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, name), new(_claims.Name, name) };
        claims.AddRange(user.FindAll(HotlineClaims.Role).Select(r => new Claim(_claims.Role, r.Value)));
        if (user.FindFirst(HotlineClaims.Unit) is { } unit) claims.Add(new Claim(_claims.Unit, unit.Value));
        if (user.FindFirst(HotlineClaims.City) is { } city) claims.Add(new Claim(HotlineClaims.City, city.Value));

        var now = clock.GetUtcNow();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddMinutes(-1).UtcDateTime,
            IssuedAt = now.UtcDateTime,
            Expires = now.AddMinutes(5).UtcDateTime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Adds this process's key, issuer and audience to the API's bearer validation.</summary>
    public sealed class TrustedByTheApi(SessionTokens tokens) : IPostConfigureOptions<JwtBearerOptions>
    {
        public void PostConfigure(string? name, JwtBearerOptions options)
        {
            if (name != JwtBearerDefaults.AuthenticationScheme) return;
            var p = options.TokenValidationParameters;
            p.IssuerSigningKeys = [.. p.IssuerSigningKeys ?? [], tokens.Key];
            p.ValidIssuers = [.. p.ValidIssuers ?? [], Issuer];
            p.ValidAudiences = [.. p.ValidAudiences ?? [], Audience];
        }
    }
}
