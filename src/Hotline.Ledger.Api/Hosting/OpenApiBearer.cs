using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// Declares the bearer token every /api route asks for (docs/security.md), so that the OpenAPI document says
/// how to call the ledger and Scalar offers a place to paste a token (README, "Tokens").
/// </summary>
internal static class OpenApiBearer
{
    public const string Scheme = "Bearer";

    public static void Declare(OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT with the caller's name, role (office, assessor, auditor, inspector, liaison, leader, feed) and, " +
                          "for a liaison, unit. In development: dotnet run --project src/Hotline.Ledger.Api -- token --user NAME --role ROLE [--unit CODE].",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
        return Task.CompletedTask;
    });
}
