using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine.Http;

namespace Hotline.Ledger.Api.Security;

/// <summary>
/// Puts every Wolverine endpoint under the access-matrix policy, so that no endpoint file carries an
/// attribute and a new route is governed (and refused until it has a row) the moment it is mapped.
/// Endpoints mapped outside Wolverine fall under the same policy as the fallback.
/// </summary>
public sealed class AccessPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            chain.Metadata.RequireAuthorization(AccessMatrixRequirement.Policy);
            chain.Metadata.ProducesProblem(StatusCodes.Status401Unauthorized);
            chain.Metadata.ProducesProblem(StatusCodes.Status403Forbidden);
        }
    }
}
