using Microsoft.IdentityModel.Tokens;

namespace Hotline.Ledger.Api.Security;

/// <summary>A token whose signature is good but one of whose claims the ledger will not record.</summary>
public sealed class RefusedClaimException(string claim, string fault)
    : SecurityTokenValidationException($"The bearer token's '{claim}' claim {fault}; the ledger records it as who acted, so it is refused.")
{
    public string Claim { get; } = claim;
}
