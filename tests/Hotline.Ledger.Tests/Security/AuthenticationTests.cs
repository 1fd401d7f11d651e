using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Alba;
using Hotline.Ledger.Api.Security;
using Hotline.Ledger.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Ledger.Tests.Security;

[Collection(SecurityCollection.Name)]
public class AuthenticationTests(LedgerApp app) : LedgerTest(app)
{
    private async Task<Reply> GetWith(string? token, string url = "/api/units")
    {
        var client = LedgerApp.English(App.Host.Server.CreateClient());
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await new Caller(client).Get(url);
    }

    private static string Forge(string key, string issuer = DevelopmentTokens.Issuer, string audience = DevelopmentTokens.Audience,
        DateTime? expires = null, string? name = "mallory", string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var claims = new List<Claim> { new("role", "office") };
        if (name is not null) claims.Add(new Claim("name", name));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = (expires ?? now.AddHours(1)).AddHours(-2),
            IssuedAt = (expires ?? now.AddHours(1)).AddHours(-2),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), algorithm),
        });
    }

    [Fact]
    public async Task Without_a_token_a_route_answers_401_problem_details_with_a_bearer_challenge()
    {
        var client = LedgerApp.English(App.Host.Server.CreateClient());
        using var response = await client.GetAsync("/api/units");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Contains("Bearer", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_post_without_a_token_is_401_and_appends_nothing()
    {
        await Refused(() => App.Anonymous.Post("/api/units", new { code = "NOTOKEN", name = "无令牌" }), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("another-key-entirely-another-key-entirely-0123", DevelopmentTokens.Issuer, DevelopmentTokens.Audience)]
    [InlineData(LedgerApp.DevelopmentKey, "https://somebody-else.example", DevelopmentTokens.Audience)]
    [InlineData(LedgerApp.DevelopmentKey, DevelopmentTokens.Issuer, "another-api")]
    public async Task A_token_with_the_wrong_key_issuer_or_audience_is_a_401(string key, string issuer, string audience)
    {
        var reply = await GetWith(Forge(key, issuer, audience));
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("application/problem+json", reply.MediaType);
    }

    [Fact]
    public async Task An_expired_token_is_a_401_that_says_so()
    {
        var reply = await GetWith(Forge(LedgerApp.DevelopmentKey, expires: DateTime.UtcNow.AddHours(-1)));
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Contains("expired", reply.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unsigned_token_is_a_401()
    {
        var signed = Forge(LedgerApp.DevelopmentKey);
        var parts = signed.Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var reply = await GetWith($"{header}.{parts[1]}.");
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }

    [Fact]
    public async Task A_token_that_names_no_user_is_a_403()
    {
        var reply = await GetWith(Forge(LedgerApp.DevelopmentKey, name: null));
        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Contains("names no user", reply.Json.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    public async Task Health_and_the_api_documentation_need_no_token(string url)
    {
        var reply = await App.Anonymous.Get(url);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task An_unknown_route_is_401_without_a_token_and_404_with_one()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous.Get("/api/no-such-thing")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get("/api/no-such-thing")).Status);
    }

    [Fact]
    public void The_development_key_is_refused_outside_development_and_some_key_is_required()
    {
        var development = new AuthSettings { DevelopmentKey = LedgerApp.DevelopmentKey };
        Assert.Empty(development.Problems(isDevelopment: true));
        Assert.Contains(development.Problems(isDevelopment: false), p => p.Contains("only in the Development environment"));
        Assert.Contains(new AuthSettings().Problems(isDevelopment: true), p => p.Contains("No way to authenticate"));
        Assert.Contains(new AuthSettings { SigningKey = "short" , Issuer = "i", Audience = "a" }.Problems(false), p => p.Contains("32 bytes"));
        Assert.Contains(new AuthSettings { SigningKey = new string('k', 40) }.Problems(false), p => p.Contains("Issuer"));
        Assert.Empty(new AuthSettings { SigningKey = new string('k', 40), Issuer = "https://idp.example", Audience = "hotline" }.Problems(false));
    }

    [Fact]
    public void A_signing_key_may_be_a_PEM_public_key_of_RSA_or_EC()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        using var ec = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        Assert.IsType<RsaSecurityKey>(new AuthSettings { SigningKey = rsa.ExportSubjectPublicKeyInfoPem() }.ProviderKey());
        Assert.IsType<ECDsaSecurityKey>(new AuthSettings { SigningKey = ec.ExportSubjectPublicKeyInfoPem() }.ProviderKey());
        Assert.IsType<SymmetricSecurityKey>(new AuthSettings { SigningKey = new string('s', 40) }.ProviderKey());
        Assert.Empty(new AuthSettings { SigningKey = rsa.ExportSubjectPublicKeyInfoPem(), Issuer = "i", Audience = "a" }.Problems(false));
    }

    [Fact]
    public async Task A_service_with_the_development_key_in_production_refuses_to_start()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await AlbaHost.For<Program>(b =>
            {
                LedgerApp.Configure(b, App.Schema);
                b.UseEnvironment("Production");
            });
        });
        Assert.Contains("DevelopmentKey", failure.ToString());
    }

    [Fact]
    public async Task A_token_from_the_office_identity_provider_is_accepted()
    {
        const string secret = "the-office-identity-provider-shared-secret-42";
        await using var host = await AlbaHost.For<Program>(b =>
        {
            LedgerApp.Configure(b, App.Schema);
            b.UseSetting("Hotline:Auth:DevelopmentKey", "");
            b.UseSetting("Hotline:Auth:Issuer", "https://idp.office.example");
            b.UseSetting("Hotline:Auth:Audience", "hotline-ledger-prod");
            b.UseSetting("Hotline:Auth:SigningKey", secret);
            b.UseSetting("Hotline:Auth:NameClaim", "preferred_username");
        });
        var client = LedgerApp.English(host.Server.CreateClient());
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://idp.office.example",
            Audience = "hotline-ledger-prod",
            Subject = new ClaimsIdentity([new Claim("preferred_username", "li.si"), new Claim("role", "auditor")]),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/units")).StatusCode);

        // The development key is not accepted by this host.
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LedgerApp.Token("office", ["office"]));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/units")).StatusCode);
    }
}
