using Hotline.Ledger.Http;
using Hotline.Ledger.Integrity;
using Hotline.Ledger.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Ledger.Api.Security;

/// <summary>Authentication, the access matrix, who-did-it stamping, the hash chain and request limits (docs/security.md).</summary>
public static class HotlineSecurity
{
    public static WebApplicationBuilder AddHotlineSecurity(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthSettings.Section);
        var settings = section.Get<AuthSettings>() ?? new AuthSettings();
        var isDevelopment = builder.Environment.IsDevelopment();
        var services = builder.Services;

        // A misconfigured deployment stops at start-up with the fault in the message, not at its first request.
        services.AddOptions<AuthSettings>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthSettings>>(new AuthSettingsValidation(isDevelopment));

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o => ConfigureBearer(o, settings, isDevelopment));
        var policy = new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(AccessMatrixRequirement.Instance)
            .Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(AccessMatrixRequirement.Policy, policy)
            // Anything mapped outside Wolverine answers to the same matrix unless it says AllowAnonymous.
            .SetFallbackPolicy(policy);
        services.AddSingleton<IAuthorizationHandler, AccessMatrixHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.AddSingleton<LedgerIntegrity>();
        services.AddSingleton<ReadLog>();
        services.AddSingleton<ReadAudit>();
        services.PostConfigure<ProblemDetailsOptions>(o =>
        {
            var earlier = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = c =>
            {
                earlier?.Invoke(c);
                c.ProblemDetails.Extensions["correlationId"] = RequestCorrelation.Of(c.HttpContext);
                JsonProblemFields.Add(c);
            };
        });

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestLimits.Ceiling);
        return builder;
    }

    /// <summary>Goes before anything that reads the body or acts for the user (idempotency, the endpoints).</summary>
    public static WebApplication UseHotlineSecurity(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            var correlation = RequestCorrelation.Assign(http);
            http.Response.Headers[RequestCorrelation.Header] = correlation;
            // Again as the response starts: an error page (a 500) clears the headers set before it.
            http.Response.OnStarting(() =>
            {
                http.Response.Headers[RequestCorrelation.Header] = correlation;
                return Task.CompletedTask;
            });
            return next(http);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RequestLimits>();
        return app;
    }

    private static void ConfigureBearer(JwtBearerOptions o, AuthSettings settings, bool isDevelopment)
    {
        o.MapInboundClaims = false;
        var keys = new List<SecurityKey>();
        var issuers = new List<string>();
        var audiences = new List<string>();

        if (!string.IsNullOrWhiteSpace(settings.Authority)) o.Authority = settings.Authority;
        if (settings.ProviderKey() is { } key) keys.Add(key);
        if (!string.IsNullOrWhiteSpace(settings.Issuer)) issuers.Add(settings.Issuer);
        if (!string.IsNullOrWhiteSpace(settings.Audience)) audiences.Add(settings.Audience);
        if (isDevelopment && settings.HasDevelopmentKey)
        {
            keys.Add(DevelopmentTokens.Key(settings.DevelopmentKey!));
            issuers.Add(DevelopmentTokens.Issuer);
            audiences.Add(DevelopmentTokens.Audience);
        }

        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudiences = audiences,
            IssuerSigningKeys = keys,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
            // Never "none"; the algorithms of shared secrets, RSA and elliptic-curve keys.
            ValidAlgorithms =
            [
                SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512,
                SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
                SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384,
            ],
            NameClaimType = settings.NameClaim,
            RoleClaimType = settings.RoleClaim,
        };

        o.Events = new JwtBearerEvents
        {
            // Kept for the 401's problem details, which say whether the token expired or was never valid.
            OnChallenge = context =>
            {
                if (context.AuthenticateFailure is { } failure) context.HttpContext.Items[ProblemAuthorizationResultHandler.FailureKey] = failure;
                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                // A claim is input like any other: what it names becomes recordedBy on every event.
                if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity checkedIdentity)
                {
                    // A token that names no user at all is the access matrix's 403; one that names one badly is refused here.
                    var fault = checkedIdentity.Name is { } name && TextRules.IdentityFault(name) is { } nameFault
                        ? new RefusedClaimException(settings.NameClaim, nameFault)
                        : checkedIdentity.FindFirst(settings.UnitClaim) is { } unitClaim && TextRules.IdentityFault(unitClaim.Value) is { } unitFault
                            ? new RefusedClaimException(settings.UnitClaim, unitFault)
                            : null;
                    if (fault is not null)
                    {
                        context.Fail(fault);
                        return Task.CompletedTask;
                    }
                }

                if (settings.UnitClaim != HotlineClaims.Unit
                    && context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity
                    && identity.FindFirst(settings.UnitClaim) is { } unit)
                    identity.AddClaim(new System.Security.Claims.Claim(HotlineClaims.Unit, unit.Value));
                return Task.CompletedTask;
            },
        };
    }

    private sealed class AuthSettingsValidation(bool isDevelopment) : IValidateOptions<AuthSettings>
    {
        public ValidateOptionsResult Validate(string? name, AuthSettings options)
        {
            var problems = options.Problems(isDevelopment).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
