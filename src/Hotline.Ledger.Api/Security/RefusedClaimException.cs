using Hotline.Ledger.Http;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Ledger.Api.Security;

/// <summary>A token whose signature is good but one of whose claims the ledger will not record.</summary>
public sealed class RefusedClaimException(string claim, Refusal fault)
    : SecurityTokenValidationException(ProblemText.In(true, "auth.unauthenticated.claim", claim, fault))
{
    public string Claim { get; } = claim;

    public Refusal Fault { get; } = fault;
}
